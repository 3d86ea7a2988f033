/**
 * Integration tests against the running server (started by {@code liberty:start}) and the
 * dev stack (a real Kafka broker, the Mongo-wire store, the OIDC issuer), both started by
 * {@code scripts/test_backend.sh}.
 */
package io.chatapp.it;
