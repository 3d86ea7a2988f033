package io.chatapp.socket;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageAccepted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions of this instance; delivers every accepted message to each of them. */
@ApplicationScoped
public class SessionRegistry {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

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

    /**
     * A rolling update or a scale-down: each client is told the server is going away (1001)
     * and reconnects at once, to another instance, instead of seeing its connection drop.
     */
    void goingAway(@Observes Stopping stopping) {
        closeAll();
    }

    /** Also for a stop without a signal (an undeployment, {@code server stop}): what is still open is closed now. */
    @PreDestroy
    void stopped() {
        closeAll();
    }

    private void closeAll() {
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down; reconnect");
        outboxes.values().forEach(outbox -> outbox.close(reason));
        // Each session leaves the registry when its closing handshake completes; wait a little for that.
        Instant deadline = Instant.now().plus(CLOSE_GRACE);
        while (!outboxes.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
