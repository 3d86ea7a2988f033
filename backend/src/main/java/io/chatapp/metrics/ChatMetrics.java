package io.chatapp.metrics;

import io.chatapp.model.InsertOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Counts what happens to messages; every counter the contract promises lives here. */
@ApplicationScoped
public class ChatMetrics {

    @Inject
    MetricRegistry registry;

    private Counter ingested;
    private Counter broadcast;
    private Counter persistFailed;
    private Counter deadLettered;
    private Counter signalsDropped;
    private Counter signalFramesSkipped;
    private Timer ingestToBroadcast;
    private final Map<InsertOutcome, Counter> persisted = new EnumMap<>(InsertOutcome.class);

    @PostConstruct
    void register() {
        ingested = registry.counter(Metadata.builder().withName("chat.messages.ingested")
                .withDescription("Messages accepted: written to Kafka and answered with 202 or ack").build());
        broadcast = registry.counter(Metadata.builder().withName("chat.messages.broadcast")
                .withDescription("Messages read from Kafka and sent to this instance's WebSocket sessions").build());
        Metadata persistedMetadata = Metadata.builder().withName("chat.messages.persisted")
                .withDescription("Messages handled by the store, by outcome: inserted, duplicate (published twice), redelivered (read again) or failed").build();
        for (InsertOutcome outcome : InsertOutcome.values()) {
            persisted.put(outcome, registry.counter(persistedMetadata, outcomeTag(outcome.name())));
        }
        persistFailed = registry.counter(persistedMetadata, outcomeTag("failed"));
        deadLettered = registry.counter(Metadata.builder().withName("chat.messages.deadlettered")
                .withDescription("Records sent to the dead-letter topic").build());
        signalsDropped = registry.counter(Metadata.builder().withName("chat.signals.dropped")
                .withDescription("Signals (typing, read, presence) not published because Kafka was slow or down; messages are never dropped").build());
        signalFramesSkipped = registry.counter(Metadata.builder().withName("chat.signals.skipped")
                .withDescription("Typing and presence frames not sent to a client already backed up with others; messages are never skipped").build());
        ingestToBroadcast = registry.timer(Metadata.builder().withName("chat.ingest.to.broadcast")
                .withDescription("Time from the server's timestamp on a message to its broadcast by this instance")
                .withUnit(MetricUnits.SECONDS).build());
    }

    /** Publishes the number of open sessions, read when scraped. */
    public void registerOpenSessions(Supplier<Long> openSessions) {
        registry.gauge(Metadata.builder().withName("chat.websocket.sessions")
                .withDescription("Open WebSocket sessions on this instance").build(), openSessions);
    }

    public void signalDropped() {
        signalsDropped.inc();
    }

    public void signalFrameSkipped() {
        signalFramesSkipped.inc();
    }

    public void ingested() {
        ingested.inc();
    }

    public void broadcast(Duration sinceIngest) {
        broadcast.inc();
        ingestToBroadcast.update(sinceIngest.isNegative() ? Duration.ZERO : sinceIngest);
    }

    public void persisted(InsertOutcome outcome) {
        persisted.get(outcome).inc();
    }

    public void persistFailed() {
        persistFailed.inc();
    }

    public void deadLettered() {
        deadLettered.inc();
    }

    private static Tag outcomeTag(String outcome) {
        return new Tag("outcome", outcome.toLowerCase(Locale.ROOT));
    }
}
