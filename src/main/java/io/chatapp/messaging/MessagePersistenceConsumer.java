package io.chatapp.messaging;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.store.InsertOutcome;
import io.chatapp.store.MessageRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code chat-messages} in the one group shared by all instances and stores each
 * message. A record is acknowledged only after MongoDB has the document (or already had it),
 * so a crash never skips a message; a record that can never be a message (not JSON, invalid,
 * too large) is acknowledged only once the dead-letter topic has it.
 * <p>
 * When the process is told to stop, it takes no new record: the connector still commits, for
 * about a second, the offsets acknowledged so far (it loses those it has not committed when it
 * closes, Open Liberty issue 35437), so the instance that takes over the partitions reads few
 * records again (the fault suite saw 0 to 2, 9 without this); the store absorbs those.
 */
@ApplicationScoped
public class MessagePersistenceConsumer {

    private static final Logger LOG = Logger.getLogger(MessagePersistenceConsumer.class.getName());

    @Inject
    MessageRecordReader reader;

    @Inject
    MessageRepository repository;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ChatMetrics metrics;

    private volatile boolean stopping;

    void stopTaking(@Observes @Priority(Interceptor.Priority.APPLICATION) Stopping signal) {
        stopping = true;
    }

    @Incoming("chat-persist")
    public CompletionStage<Void> onRecord(Message<String> message) {
        if (stopping) {
            // Never acknowledged: the record is read again by whoever takes over its partition.
            return new CompletableFuture<>();
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        ChatMessage chatMessage;
        try {
            chatMessage = reader.read(record);
        } catch (PoisonRecordException e) {
            String source = record.topic() + "-" + record.partition() + "@" + record.offset();
            LOG.log(Level.WARNING, "Dead-lettering record {0}: {1}", new Object[] {source, e.getMessage()});
            return deadLetters.send(record.key(), record.value(), e.getMessage(), source)
                    .thenCompose(sent -> message.ack());
        }
        InsertOutcome outcome = repository.insert(chatMessage, record.offset());
        metrics.persisted(outcome);
        return message.ack();
    }
}
