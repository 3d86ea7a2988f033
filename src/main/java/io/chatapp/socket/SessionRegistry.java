package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageAccepted;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions of this instance; delivers every accepted message to each of them. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, SessionOutbox> outboxes = new ConcurrentHashMap<>();

    @Inject
    ChatMetrics metrics;

    @Inject
    @ConfigProperty(name = "chat.websocket.max-pending-frames", defaultValue = "1000")
    int maxPendingFrames;

    @PostConstruct
    void publishGauge() {
        metrics.registerOpenSessions(() -> (long) outboxes.size());
    }

    void add(Session session) {
        outboxes.put(session.getId(), new SessionOutbox(session, maxPendingFrames));
    }

    void remove(Session session) {
        outboxes.remove(session.getId());
    }

    /** Sends a frame to one session, in order with everything else it is sent. */
    void sendTo(Session session, String frame) {
        SessionOutbox outbox = outboxes.get(session.getId());
        if (outbox != null) {
            outbox.send(frame);
        }
    }

    void deliver(@Observes MessageAccepted accepted) {
        ChatMessage message = accepted.message();
        String frame = Frames.message(message);
        for (SessionOutbox outbox : outboxes.values()) {
            outbox.send(frame);
        }
        metrics.broadcast(Duration.between(message.timestampInstant(), Instant.now()));
    }
}
