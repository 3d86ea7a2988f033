package io.chatapp.messaging;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code chat-messages} in a consumer group of this instance's own, so every instance
 * sees every message, and hands each on as a {@link MessageAccepted} event.
 * <p>
 * A client retry can reach Kafka twice with the same id; only the first is handed on.
 */
@ApplicationScoped
public class MessageBroadcastConsumer {

    private static final Logger LOG = Logger.getLogger(MessageBroadcastConsumer.class.getName());

    private final RecentIds seen = new RecentIds(50_000);

    @Inject
    MessageRecordReader reader;

    @Inject
    Event<MessageAccepted> accepted;

    @Incoming("chat-broadcast")
    public CompletionStage<Void> onRecord(Message<String> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        try {
            ChatMessage chatMessage = reader.read(record);
            if (seen.firstSighting(chatMessage.id())) {
                accepted.fire(new MessageAccepted(chatMessage));
            }
        } catch (PoisonRecordException e) {
            // The persistence consumer dead-letters it (and logs it once for all instances).
            LOG.log(Level.FINE, "Not broadcasting a poison record: {0}", e.getMessage());
        }
        return message.ack();
    }
}
