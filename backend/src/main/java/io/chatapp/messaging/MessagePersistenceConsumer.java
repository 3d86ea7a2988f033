package io.chatapp.messaging;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.InsertOutcome;
import io.chatapp.store.MessageRepository;
import io.chatapp.store.RoomRepository;
import io.chatapp.tracing.ChatTracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code chat-messages} in the one group shared by all instances and applies each event
 * to the store. A record is acknowledged only after MongoDB has it (or already had it), so a
 * crash never skips an event; a record that can never be one (not JSON, invalid, too large,
 * of a type or schema version this server does not know) is acknowledged only once the
 * dead-letter topic has it.
 * <p>
 * Stopping hands over cleanly: from the {@link Stopping} signal on it takes no new record, and
 * before the application's beans are destroyed (and with them the connector, which drops the
 * offsets it has not committed yet, Open Liberty issue 35437) it waits until every
 * acknowledgement it gave has been committed. The connector completes an acknowledgement only
 * once its offset is committed, so the instance taking over the partitions reads nothing again.
 */
@ApplicationScoped
public class MessagePersistenceConsumer {

    private static final Logger LOG = Logger.getLogger(MessagePersistenceConsumer.class.getName());

    @Inject
    EventRecordReader reader;

    @Inject
    MessageRepository messages;

    @Inject
    RoomRepository rooms;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ChatMetrics metrics;

    @Inject
    ChatTracing tracing;

    @Inject
    @ConfigProperty(name = "chat.stop.commit-wait", defaultValue = "PT5S")
    Duration commitWait;

    /** How an event of one kind is applied to the store: once, as applying it again changes nothing. */
    @FunctionalInterface
    private interface StoreStep<E extends ChatEvent> {
        void apply(E event, long offset);
    }

    /** By kind of event, how it is stored. */
    private final Map<Class<? extends ChatEvent>, StoreStep<? extends ChatEvent>> steps = new HashMap<>();

    private final KnownPosters knownPosters = new KnownPosters();

    private volatile boolean stopping;
    /** Acknowledgements given whose offsets are not committed yet. */
    private final Set<CompletableFuture<Void>> uncommitted = ConcurrentHashMap.newKeySet();

    void stopTaking(@Observes @Priority(Interceptor.Priority.APPLICATION) Stopping signal) {
        stopping = true;
    }

    /** Runs before any application bean is destroyed, so the connector still polls, and commits. */
    void awaitCommits(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stopping = true;
        CompletableFuture<?>[] pending = uncommitted.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(commitWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "Stopping with {0} acknowledged records not committed after {1}: they will be read again",
                    new Object[] {uncommitted.size(), commitWait});
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Stopping: a commit failed; its records will be read again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Incoming("persistence")
    public CompletionStage<Void> onRecord(Message<String> message) {
        if (stopping) {
            // Never acknowledged: the record is read again by whoever takes over its partition.
            return new CompletableFuture<>();
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        knownPosters.read(record.partition(), record.offset());
        return ChatTracing.within(tracing.startProcess(record.headers(), TraceHeaders.INSTANCE,
                new ChatTracing.Record(record.topic(), "persist", record.partition(), record.offset())), () -> persist(message, record));
    }

    private CompletionStage<Void> persist(Message<String> message, ConsumerRecord<String, String> record) {
        ChatEvent event;
        try {
            event = reader.read(record);
        } catch (PoisonRecordException e) {
            String source = record.topic() + "-" + record.partition() + "@" + record.offset();
            LOG.log(Level.WARNING, "Dead-lettering record {0}: {1}", new Object[] {source, e.getMessage()});
            return untilCommitted(deadLetters.send(record, e.getMessage(), source).thenCompose(sent -> message.ack()));
        }
        store(event, record.offset());
        return untilCommitted(message.ack());
    }

    private <E extends ChatEvent> void on(Class<E> kind, StoreStep<E> step) {
        steps.put(kind, step);
    }

    @PostConstruct
    void defineSteps() {
        on(ChatEvent.MessagePosted.class, (posted, offset) -> {
            ChatMessage message = posted.message();
            InsertOutcome outcome = messages.insert(message, offset);
            metrics.persisted(outcome);
            if (outcome == InsertOutcome.INSERTED) {
                metrics.stored(Duration.between(message.timestampInstant(), Instant.now()));
            }
            if (!knownPosters.isKnown(message.room(), message.sender().id())) {
                rooms.posted(message);
                knownPosters.remember(message.room(), message.sender().id());
            }
        });
        on(ChatEvent.RoomCreated.class, (created, offset) -> {
            rooms.created(created.creation());
            knownPosters.forgetAll();
        });
        on(ChatEvent.MemberJoined.class, (joined, offset) -> rooms.joined(joined.membership()));
        on(ChatEvent.MemberLeft.class, (left, offset) -> {
            rooms.left(left.membership());
            knownPosters.forget(left.membership().room(), left.membership().member().id());
        });
        StoreStep<ChatEvent.MessageChange> change = (changed, offset) -> messages.applyChange(changed.message(), Instant.now());
        on(ChatEvent.MessageEdited.class, change::apply);
        on(ChatEvent.MessageDeleted.class, change::apply);
        on(ChatEvent.ReactionChanged.class, change::apply);
    }

    @SuppressWarnings("unchecked")
    private <E extends ChatEvent> void store(E event, long offset) {
        StoreStep<E> step = (StoreStep<E>) steps.get(event.getClass());
        if (step == null) {
            throw new IllegalStateException("no store step for " + event.getClass().getSimpleName() + " events");
        }
        step.apply(event, offset);
    }

    private CompletionStage<Void> untilCommitted(CompletionStage<Void> acknowledged) {
        CompletableFuture<Void> commit = acknowledged.toCompletableFuture();
        uncommitted.add(commit);
        commit.whenComplete((done, failure) -> uncommitted.remove(commit));
        return commit;
    }
}
