package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.MessageJson;
import io.chatapp.model.Signal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes signals to {@code chat-signals} without ever making the caller wait: they are handed
 * to the producer on a thread of their own, and one that finds too many waiting (Kafka slow or
 * down) is dropped and counted. A signal is worth something only now; a message is never
 * dropped, and never waits behind signals, as messages have a producer of their own.
 */
@ApplicationScoped
public class SignalPublisher {

    static final int MAX_WAITING = 1000;
    /** Users or typists in one signal at most, so that a record stays small. */
    static final int ENTRIES_PER_SIGNAL = 500;

    @Inject
    @Channel("signals")
    Emitter<ProducerRecord<String, String>> emitter;

    @Inject
    @ConfigProperty(name = "chat.kafka.signals-topic", defaultValue = "chat-signals")
    String topic;

    @Inject
    ChatMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService handOver;

    @PostConstruct
    void start() {
        handOver = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING), threads);
    }

    @PreDestroy
    void stop() {
        handOver.shutdown();
    }

    public void publish(Signal signal) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, signal.key(), MessageJson.toJson(signal));
        try {
            handOver.execute(() -> send(record));
        } catch (RejectedExecutionException full) {
            metrics.signalDropped();
        }
    }

    /** Publishes the entries in signals of {@link #ENTRIES_PER_SIGNAL} at most. */
    public <T> void publishInParts(List<T> entries, Function<List<T>, ? extends Signal> signalOf) {
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_SIGNAL) {
            publish(signalOf.apply(entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_SIGNAL))));
        }
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            emitter.send(record).whenComplete((sent, failure) -> {
                if (failure != null) {
                    metrics.signalDropped();
                }
            });
        } catch (RuntimeException e) {
            metrics.signalDropped();
        }
    }
}
