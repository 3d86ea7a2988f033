package io.chatapp.messaging;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.InsertOutcome;
import io.chatapp.store.MessageRepository;
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
    MessageRepository repository;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ChatMetrics metrics;

    @Inject
    @ConfigProperty(name = "chat.stop.commit-wait", defaultValue = "PT5S")
    Duration commitWait;

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

    @Incoming("chat-persist")
    public CompletionStage<Void> onRecord(Message<String> message) {
        if (stopping) {
            // Never acknowledged: the record is read again by whoever takes over its partition.
            return new CompletableFuture<>();
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        ChatEvent event;
        try {
            event = reader.read(record);
        } catch (PoisonRecordException e) {
            String source = record.topic() + "-" + record.partition() + "@" + record.offset();
            LOG.log(Level.WARNING, "Dead-lettering record {0}: {1}", new Object[] {source, e.getMessage()});
            return untilCommitted(deadLetters.send(record, e.getMessage(), source).thenCompose(sent -> message.ack()));
        }
        metrics.persisted(store(event, record.offset()));
        return untilCommitted(message.ack());
    }

    /** Applies the event to the store, once: applying it again changes nothing. */
    private InsertOutcome store(ChatEvent event, long offset) {
        if (event instanceof ChatEvent.MessagePosted posted) {
            return repository.insert(posted.message(), offset);
        }
        throw new IllegalStateException("no store for " + event.getClass().getSimpleName() + " events");
    }

    private CompletionStage<Void> untilCommitted(CompletionStage<Void> acknowledged) {
        CompletableFuture<Void> commit = acknowledged.toCompletableFuture();
        uncommitted.add(commit);
        commit.whenComplete((done, failure) -> uncommitted.remove(commit));
        return commit;
    }
}
