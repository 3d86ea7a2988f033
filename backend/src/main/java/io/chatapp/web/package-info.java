/**
 * Delivery of the web app in the embedded default: the run-time {@code config.js} it loads
 * before starting, rendered from MicroProfile Config (in Kubernetes a ConfigMap serves it).
 */
package io.chatapp.web;
