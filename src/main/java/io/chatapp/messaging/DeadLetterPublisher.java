package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    @Channel("chat-dlq")
    Emitter<ProducerRecord<String, String>> emitter;

    @Inject
    @ConfigProperty(name = "chat.kafka.dead-letter-topic", defaultValue = "chat-messages-dlq")
    String topic;

    @Inject
    ChatMetrics metrics;

    /**
     * @param source where the record came from, as {@code topic-partition@offset}
     */
    @Asynchronous
    @Retry(maxRetries = -1, maxDuration = 0, delay = 1_000, jitter = 500)
    public CompletionStage<Void> send(String key, String value, String reason, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        return emitter.send(record).thenRun(metrics::deadLettered);
    }
}
