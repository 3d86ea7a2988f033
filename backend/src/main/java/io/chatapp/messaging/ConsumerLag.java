package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How far the consumer groups of {@code chat-messages} are behind its end (this instance's
 * broadcast group, the shared persist group), as gauges. Kafka is asked every {@link #EVERY} in
 * the background, so that a scrape never waits on it; while it cannot answer the last figure
 * stands.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class.getName());
    static final Duration EVERY = Duration.ofSeconds(5);

    @Inject
    KafkaConnectivity kafka;

    @Inject
    ChatMetrics metrics;

    @Inject
    @ConfigProperty(name = "chat.kafka.topic")
    String topic;

    @Inject
    @ConfigProperty(name = "mp.messaging.incoming.broadcast.group.id")
    String broadcastGroup;

    @Inject
    @ConfigProperty(name = "mp.messaging.incoming.persistence.group.id")
    String persistGroup;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicLong broadcastLag = new AtomicLong();
    private final AtomicLong persistLag = new AtomicLong();
    private ScheduledFuture<?> asking;

    /** As the application starts: nothing else asks for this bean. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.registerConsumerLag("broadcast", broadcastLag::get);
        metrics.registerConsumerLag("persist", persistLag::get);
        asking = scheduler.scheduleWithFixedDelay(this::ask, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (asking != null) {
            asking.cancel(false);
        }
    }

    private void ask() {
        try {
            Map<TopicPartition, Long> end = kafka.endOffsets(topic);
            broadcastLag.set(behind(kafka.committedOffsets(broadcastGroup), end));
            persistLag.set(behind(kafka.committedOffsets(persistGroup), end));
        } catch (Exception e) {
            LOG.log(Level.FINE, "Kafka did not tell the consumer groups' lag", e);
        }
    }

    /** Records between each partition's committed offset and its end; a partition the group never committed in counts none. */
    static long behind(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        return committed.entrySet().stream().filter(entry -> end.containsKey(entry.getKey()))
                .mapToLong(entry -> Math.max(0, end.get(entry.getKey()) - entry.getValue())).sum();
    }
}
