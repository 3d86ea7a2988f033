package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** Delivers each accepted message to the sessions of its room, without waiting for any of them. */
@ApplicationScoped
public class MessageDelivery {

    @Inject
    SessionRegistry sessions;

    @Inject
    ChatMetrics metrics;

    void deliver(@Observes MessageAccepted accepted) {
        ChatMessage message = accepted.message();
        String frame = Frames.message(message);
        sessions.audience(message.room()).forEach(session -> session.send(frame));
        metrics.broadcast(Duration.between(message.timestampInstant(), Instant.now()));
    }
}
