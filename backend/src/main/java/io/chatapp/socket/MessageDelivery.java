package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.rooms.RoomAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** Delivers each message posted to the sessions that may see its room, without waiting for any of them. */
@ApplicationScoped
public class MessageDelivery {

    @Inject
    SessionRegistry sessions;

    @Inject
    ChatMetrics metrics;

    @Inject
    RoomAccess access;

    void deliver(@Observes ChatEvent.MessagePosted posted) {
        ChatMessage message = posted.message();
        String frame = Frames.message(message);
        // A private or direct room's messages go to its members' sessions only.
        access.audience(message.room()).map(sessions::sessionsOf).orElseGet(() -> sessions.audience(message.room()))
                .forEach(session -> session.send(frame));
        metrics.broadcast(Duration.between(message.timestampInstant(), Instant.now()));
    }
}
