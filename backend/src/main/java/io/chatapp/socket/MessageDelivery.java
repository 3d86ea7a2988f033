package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** Delivers each message posted to the sessions of its room's members, without waiting for any of them. */
@ApplicationScoped
public class MessageDelivery {

    @Inject
    SessionRegistry sessions;

    @Inject
    ChatMetrics metrics;


    void deliver(@Observes ChatEvent.MessagePosted posted) {
        ChatMessage message = posted.message();
        String frame = Frames.message(message);
        sessions.audience(message.room()).forEach(session -> session.send(frame));
        metrics.broadcast(Duration.between(message.timestampInstant(), Instant.now()));
    }

    void deliver(@Observes ChatEvent.MessageChange change) {
        String frame = Frames.updated(change.message());
        sessions.audience(change.room()).forEach(session -> session.send(frame));
    }
}
