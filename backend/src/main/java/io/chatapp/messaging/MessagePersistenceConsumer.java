package io.chatapp.messaging;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.InsertOutcome;
import io.chatapp.store.MessageRepository;
import io.chatapp.store.RoomRepository;
import io.chatapp.tracing.ChatTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * to the store, in the order read. The messages posted while the store was busy with the last
 * batch are stored together, in one command, so that a busy store is asked once for many
 * messages rather than once for each. A record is acknowledged only after MongoDB has it (or
 * already had it), so a crash never skips an event; a record that can never be one (not JSON,
 * invalid, too large,
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

    /** The most records read and not yet stored, and so the most messages stored in one command. */
    @Inject
    @ConfigProperty(name = "chat.persistence.batch-limit")
    int batchLimit;

    @Resource
    ManagedExecutorService executor;

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
    public Subscriber<Message<String>> records() {
        return new BatchingSubscriber<>(batchLimit, executor, this::persist);
    }

    /**
     * Applies a batch of records in their order, then acknowledges them. The messages posted
     * one after another are stored in one command; any other event is applied where it stands
     * between them, so a change never reaches the store before the message it changes.
     */
    void persist(List<Message<String>> batch) {
        if (stopping) {
            // Never acknowledged: the records are read again by whoever takes over their partitions.
            return;
        }
        List<Read> posts = new ArrayList<>();
        for (Message<String> message : batch) {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
            knownPosters.read(record.partition(), record.offset());
            Span span = tracing.startProcess(record.headers(), TraceHeaders.INSTANCE,
                    new ChatTracing.Record(record.topic(), "persist", record.partition(), record.offset()));
            ChatEvent event;
            try (Scope current = span.makeCurrent()) {
                event = reader.read(record);
            } catch (PoisonRecordException e) {
                // The posts before it first: no record is acknowledged before those ahead of it.
                storePosts(posts);
                ChatTracing.within(span, () -> deadLetter(message, record, e));
                continue;
            } catch (RuntimeException e) {
                ChatTracing.end(span, e);
                throw e;
            }
            Read read = new Read(message, record.offset(), event, span);
            if (read.event() instanceof ChatEvent.MessagePosted) {
                posts.add(read);
                continue;
            }
            storePosts(posts);
            ChatTracing.within(span, () -> store(read.event(), read.offset()));
            acknowledge(read);
        }
        storePosts(posts);
    }

    /** A record read, its event and its span, which stays open until the event is stored. */
    private record Read(Message<String> message, long offset, ChatEvent event, Span span) {
    }

    /** Dead-letters a record that can never be an event, and acknowledges it once the dead-letter topic has it. */
    private void deadLetter(Message<String> message, ConsumerRecord<String, String> record, PoisonRecordException poison) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.log(Level.WARNING, "Dead-lettering record {0}: {1}", new Object[] {source, poison.getMessage()});
        // Waited for, so that no record after it is acknowledged before it.
        untilCommitted(deadLetters.send(record, poison.getMessage(), source).thenCompose(sent -> message.ack()))
                .toCompletableFuture().join();
    }

    /** Stores the posts read so far in one command, as the first of them (its span current), and acknowledges them. */
    private void storePosts(List<Read> posts) {
        if (posts.isEmpty()) {
            return;
        }
        List<MessageRepository.Positioned> positioned = new ArrayList<>(posts.size());
        for (Read post : posts) {
            positioned.add(new MessageRepository.Positioned(((ChatEvent.MessagePosted) post.event()).message(), post.offset()));
        }
        List<InsertOutcome> outcomes;
        try (Scope first = posts.get(0).span().makeCurrent()) {
            outcomes = messages.insertAll(positioned);
        } catch (RuntimeException e) {
            posts.forEach(post -> ChatTracing.end(post.span(), e));
            throw e;
        }
        for (int i = 0; i < posts.size(); i++) {
            Read post = posts.get(i);
            ChatMessage message = positioned.get(i).message();
            InsertOutcome outcome = outcomes.get(i);
            ChatTracing.within(post.span(), () -> posted(message, outcome));
            acknowledge(post);
        }
        posts.clear();
    }

    private void posted(ChatMessage message, InsertOutcome outcome) {
        metrics.persisted(outcome);
        if (outcome == InsertOutcome.INSERTED) {
            metrics.stored(Duration.between(message.timestampInstant(), Instant.now()));
        }
        if (!knownPosters.isKnown(message.room(), message.sender().id())) {
            rooms.posted(message);
            knownPosters.remember(message.room(), message.sender().id());
        }
    }

    private void acknowledge(Read read) {
        untilCommitted(read.message().ack());
    }

    private <E extends ChatEvent> void on(Class<E> kind, StoreStep<E> step) {
        steps.put(kind, step);
    }

    @PostConstruct
    void defineSteps() {
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
