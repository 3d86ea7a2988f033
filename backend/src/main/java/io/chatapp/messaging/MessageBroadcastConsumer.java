package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.tracing.ChatTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code chat-messages} in a consumer group of this instance's own, so every instance
 * sees every event, and fires each as a CDI event of its own type (the WebSocket side observes
 * them).
 * <p>
 * An event can reach Kafka twice (a client's retry of a post); only the first of an id is
 * handed on.
 */
@ApplicationScoped
public class MessageBroadcastConsumer {

    private static final Logger LOG = Logger.getLogger(MessageBroadcastConsumer.class.getName());

    private final RecentIds seen = new RecentIds(100_000, Duration.ofMinutes(10));

    @Inject
    EventRecordReader reader;

    @Inject
    Event<ChatEvent> events;

    @Inject
    ChatMetrics metrics;

    @Inject
    ChatTracing tracing;

    @Incoming("broadcast")
    public CompletionStage<Void> onRecord(Message<String> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        ChatTracing.within(tracing.startProcess(record.headers(), TraceHeaders.INSTANCE,
                new ChatTracing.Record(record.topic(), "broadcast", record.partition(), record.offset())), () -> broadcast(record));
        return message.ack();
    }

    private void broadcast(ConsumerRecord<String, String> record) {
        try {
            ChatEvent event = reader.read(record);
            if (seen.firstSighting(event.id())) {
                metrics.event(event.type().name());
                events.fire(event);
            }
        } catch (PoisonRecordException e) {
            // The persistence consumer dead-letters it (and logs it once for all instances).
            LOG.log(Level.FINE, "Not broadcasting a poison record: {0}", e.getMessage());
        }
    }
}
