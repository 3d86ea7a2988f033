package io.chatapp.messaging;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageAccepted;
import io.chatapp.model.MessageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
    Event<MessageAccepted> accepted;

    @Incoming("chat-broadcast")
    public CompletionStage<Void> onRecord(Message<String> record) {
        try {
            ChatMessage message = MessageJson.fromJson(record.getPayload());
            if (seen.firstSighting(message.id())) {
                accepted.fire(new MessageAccepted(message));
            }
        } catch (IllegalArgumentException e) {
            // The persistence consumer dead-letters it; nothing can be shown to anyone.
            LOG.log(Level.WARNING, "Skipping an unreadable record: {0}", e.getMessage());
        }
        return record.ack();
    }
}
