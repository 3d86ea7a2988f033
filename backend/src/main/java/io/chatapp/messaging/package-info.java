/**
 * Kafka, through MicroProfile Reactive Messaging: the event publisher (the only writer of
 * {@code chat-messages}), the dead-letter publisher, and the two thin consumers of the topic:
 * broadcast (a consumer group per instance; fires each {@link io.chatapp.model.ChatEvent} as a
 * CDI event, once per event id) and persistence (one shared group; acknowledges only once the
 * store has applied the event). Both read records through
 * {@link io.chatapp.messaging.EventRecordReader}, which turns a record that can never be an
 * event into a dead letter's reason.
 * <p>
 * Signals ({@link io.chatapp.model.Signal}: typing, read, presence) take a way of their own,
 * out of the durable path: {@code chat-signals}, kept for a minute, written without waiting (a
 * signal is dropped rather than delay anything) and read by every instance from the latest
 * record.
 */
package io.chatapp.messaging;
