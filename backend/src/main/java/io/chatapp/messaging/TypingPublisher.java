package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.Sender;
import io.chatapp.model.Signal;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Gathers who is typing on this instance for {@code chat.typing.gather} and publishes them
 * together: with everyone typing, an instance writes a few records a second to
 * {@code chat-signals} instead of one per typist, and every instance reads as few. The window
 * is what typing may be late by, well under the second it has to cross instances in.
 */
@ApplicationScoped
public class TypingPublisher {

    /** More than this waiting for the next record (Kafka slow or down): dropped and counted. */
    static final int MAX_GATHERED = 10_000;

    @Inject
    SignalPublisher signals;

    @Inject
    ChatMetrics metrics;

    @Inject
    @ConfigProperty(name = "chat.instance.id")
    String instance;

    @Inject
    @ConfigProperty(name = "chat.typing.gather", defaultValue = "PT0.2S")
    Duration gather;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Guarded by this. */
    private final List<Signal.Typist> gathered = new ArrayList<>();

    public void typing(String room, Sender user) {
        if (gather(new Signal.Typist(room, user))) {
            try {
                scheduler.schedule(this::publishGathered, gather.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                publishGathered();
            }
        }
    }

    /** @return whether the typist is the first since the last record: its caller schedules the next */
    synchronized boolean gather(Signal.Typist typist) {
        if (gathered.size() >= MAX_GATHERED) {
            metrics.signalDropped();
            return false;
        }
        gathered.add(typist);
        return gathered.size() == 1;
    }

    void publishGathered() {
        List<Signal.Typist> typists;
        synchronized (this) {
            typists = List.copyOf(gathered);
            gathered.clear();
        }
        signals.publishInParts(typists, part -> new Signal.Typing(instance, part));
    }
}
