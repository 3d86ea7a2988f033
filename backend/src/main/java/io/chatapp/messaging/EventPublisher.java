package io.chatapp.messaging;

import io.chatapp.model.ChatEvent;
import io.chatapp.model.MessageJson;
import io.chatapp.tracing.ChatTracing;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The only writer of {@code chat-messages}: each event's record is keyed by its room, so that
 * each room keeps its order, carries the event's data as its value and its attributes as
 * headers ({@link EventHeaders}) with the trace context of its publish span. The returned stage completes only once the broker has acknowledged the record,
 * and fails if that takes longer than {@code chat.publish.ack-timeout}.
 * <p>
 * A record is handed to the producer only while the producer's own bound
 * ({@code delivery.timeout.ms}) still ends within that wait, so that a caller told the event
 * was not accepted is never contradicted by the record reaching the topic later.
 * <p>
 * The timeout is deliberately not MicroProfile Fault Tolerance's {@code @Timeout}: that one
 * interrupts the thread, and the thread that emits also runs the Kafka connector's send; an
 * interrupt there ends the outgoing channel for good, and every later post would fail. This
 * timeout only stops waiting, and starts when
 * the caller asks, however long the record waits to be handed to the connector.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    RecordSender sender;

    @Inject
    ChatTracing tracing;

    @Inject
    @ConfigProperty(name = "chat.kafka.topic", defaultValue = "chat-messages")
    String topic;

    @Inject
    @ConfigProperty(name = "chat.publish.ack-timeout", defaultValue = "PT10S")
    Duration ackTimeout;

    @Inject
    @ConfigProperty(name = "mp.messaging.outgoing.events.delivery.timeout.ms")
    long deliveryTimeoutMs;

    /** How long after publishing a record may still be handed to the producer. */
    private Duration handOverWithin;

    @PostConstruct
    void checkTimeouts() {
        handOverWithin = ackTimeout.minusMillis(deliveryTimeoutMs);
        if (handOverWithin.isNegative() || handOverWithin.isZero()) {
            throw new IllegalStateException("chat.publish.ack-timeout (" + ackTimeout + ") must be longer than the producer's "
                    + "delivery.timeout.ms (" + deliveryTimeoutMs + " ms)");
        }
    }

    /**
     * @return a stage that completes with the event when Kafka has it, or fails when it could
     * not be made durable in time
     */
    public <E extends ChatEvent> CompletionStage<E> publish(E event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.room(), MessageJson.toJson(event.data()));
        EventHeaders.write(record.headers(), event);
        Span span = tracing.startPublish(topic, event.id(), event.type().name());
        tracing.inject(span, record.headers(), TraceHeaders.INSTANCE);
        return sender.send(record, handOverWithin).toCompletableFuture()
                .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((acknowledged, failure) -> ChatTracing.end(span, failure))
                .thenApply(acknowledged -> event);
    }
}
