// Placeholder: the deployment mounts the real config.js (Helm chart ConfigMap). Without it
// the app shows that it is not configured.
window.__CHATAPP_CONFIG__ = undefined;
