/**
 * Kafka, through MicroProfile Reactive Messaging: the publisher (the only writer of
 * {@code chat-messages}), the dead-letter publisher, and the two thin consumers of the topic:
 * broadcast (a consumer group per instance, fires {@link io.chatapp.model.MessageAccepted})
 * and persistence (one shared group, acknowledges only once the store has the message).
 */
package io.chatapp.messaging;
