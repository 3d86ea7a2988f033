/**
 * The only code that talks to MongoDB: message history (idempotent inserts keyed by the
 * message id), rooms and their memberships, the users directory and WebSocket tickets. Knows
 * nothing of Kafka or of the web layer. What a user's request does is bounded in time
 * ({@link io.chatapp.store.OnRequest}); what the consumers apply waits as long as it takes.
 */
package io.chatapp.store;
