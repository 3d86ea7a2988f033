package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Moves a record that can never be processed to {@code chat-messages-dlq}, with the reason in a
 * header. The persistence consumer waits for it: until the dead-letter topic has the record, it
 * must not move past it, so a failed write is retried (on a Fault Tolerance thread: while Kafka
 * is down the connector's send blocks) for as long as it takes.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String SOURCE_HEADER = "dead-letter-source";

    @Inject
    @Channel("deadletters")
    Emitter<ProducerRecord<String, String>> emitter;

    @Inject
    @ConfigProperty(name = "chat.kafka.dead-letter-topic", defaultValue = "chat-messages-dlq")
    String topic;

    @Inject
    ChatMetrics metrics;

    /**
     * Dead-letters a copy of the record: its key, value and headers (the event's attributes among
     * them, so a replay puts back the very event), and the reason.
     *
     * @param source where the record came from, as {@code topic-partition@offset}
     */
    @Asynchronous
    @Retry(maxRetries = -1, maxDuration = 0, delay = 1_000, jitter = 500)
    public CompletionStage<Void> send(ConsumerRecord<String, String> poison, String reason, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, poison.key(), poison.value(),
                new RecordHeaders(poison.headers().toArray()));
        record.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        return emitter.send(record).thenRun(metrics::deadLettered);
    }
}
