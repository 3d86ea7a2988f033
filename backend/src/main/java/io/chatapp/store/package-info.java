/**
 * The only code that talks to MongoDB: message history (idempotent inserts keyed by the
 * message id), rooms and their memberships, the users directory and WebSocket tickets. Knows
 * nothing of Kafka or of the web layer.
 */
package io.chatapp.store;
