/**
 * Kafka, through MicroProfile Reactive Messaging: the publisher (the only writer of
 * {@code chat-messages}), the dead-letter publisher, and the two thin consumers of the topic:
 * broadcast (a consumer group per instance, fires {@link io.chatapp.model.MessageAccepted})
 * and persistence (one shared group, acknowledges only once the store has the message).
 * Both read records through {@link io.chatapp.messaging.MessageRecordReader}, which turns a
 * record that can never be a message into a dead letter's reason.
 */
package io.chatapp.messaging;
