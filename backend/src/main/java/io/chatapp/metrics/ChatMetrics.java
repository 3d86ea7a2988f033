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
import java.util.concurrent.ConcurrentHashMap;
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
    private Timer ingestToStored;
    private final Map<InsertOutcome, Counter> persisted = new EnumMap<>(InsertOutcome.class);
    private final Map<String, Counter> eventsByType = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusalsByLimit = new ConcurrentHashMap<>();
    private static final Metadata EVENTS = Metadata.builder().withName("chat.events")
            .withDescription("Events read from chat-messages by this instance's broadcast consumer, by CloudEvents type").build();
    private static final Metadata REFUSALS = Metadata.builder().withName("chat.ratelimit.refused")
            .withDescription("Requests and frames refused for going over a limit: posting (REST or WebSocket, 429) or the socket's frame allowance (closed)").build();

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
        for (String limit : new String[] {"posting", "frames"}) {
            refused(limit, 0);
        }
        ingestToStored = registry.timer(Metadata.builder().withName("chat.ingest.to.stored")
                .withDescription("Time from the server's timestamp on a message to its insertion into the store")
                .withUnit(MetricUnits.SECONDS).build());
    }

    /** Publishes the number of open sessions, read when scraped. */
    public void registerOpenSessions(Supplier<Long> openSessions) {
        registry.gauge(Metadata.builder().withName("chat.websocket.sessions")
                .withDescription("Open WebSocket sessions on this instance").build(), openSessions);
    }

    /** Publishes the number of rooms with an open session on this instance, read when scraped. */
    public void registerActiveRooms(Supplier<Long> activeRooms) {
        registry.gauge(Metadata.builder().withName("chat.rooms.active")
                .withDescription("Rooms with at least one open WebSocket session on this instance").build(), activeRooms);
    }

    /** Publishes how many records a consumer group has still to read of chat-messages, read when scraped. */
    public void registerConsumerLag(String group, Supplier<Long> lag) {
        registry.gauge(Metadata.builder().withName("chat.kafka.consumer.lag")
                .withDescription("Records of chat-messages not yet read by the consumer group (broadcast: this instance's; persist: the shared one)")
                .build(), lag, new Tag("group", group));
    }

    public void event(String type) {
        eventsByType.computeIfAbsent(type, key -> registry.counter(EVENTS, new Tag("type", key))).inc();
    }

    /** @param limit {@code posting} or {@code frames} */
    public void refused(String limit) {
        refused(limit, 1);
    }

    private void refused(String limit, long count) {
        refusalsByLimit.computeIfAbsent(limit, key -> registry.counter(REFUSALS, new Tag("limit", key))).inc(count);
    }

    public void stored(Duration sinceIngest) {
        ingestToStored.update(sinceIngest.isNegative() ? Duration.ZERO : sinceIngest);
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
