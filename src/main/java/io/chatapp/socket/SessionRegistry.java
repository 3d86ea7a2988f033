package io.chatapp.socket;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageAccepted;
import io.github.bucket4j.Bucket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The open sessions of this instance; delivers every accepted message to each of them, and
 * enforces the connection rules: a session closes when its user's token expires (4401, so the
 * client signs in again), when the client has not been heard from for the idle timeout (4408;
 * clients are pinged meanwhile, and browsers answer pings by themselves), and when it sends
 * frames faster than its allowance (1008).
 */
@ApplicationScoped
public class SessionRegistry {

    static final CloseReason TOKEN_EXPIRED = new CloseReason(CloseReason.CloseCodes.getCloseCode(4401), "token expired; sign in again");
    static final CloseReason IDLE = new CloseReason(CloseReason.CloseCodes.getCloseCode(4408), "idle for too long");
    static final CloseReason TOO_MANY_FRAMES = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many frames");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final Map<String, SessionOutbox> outboxes = new ConcurrentHashMap<>();

    @Inject
    ChatMetrics metrics;

    @Inject
    @ConfigProperty(name = "chat.websocket.max-pending-frames", defaultValue = "1000")
    int maxPendingFrames;

    @Inject
    @ConfigProperty(name = "chat.websocket.idle-timeout", defaultValue = "PT2M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "chat.websocket.ping-interval", defaultValue = "PT30S")
    Duration pingInterval;

    @Inject
    @ConfigProperty(name = "chat.websocket.frame-burst", defaultValue = "30")
    long frameBurst;

    @Inject
    @ConfigProperty(name = "chat.websocket.frames-per-second", defaultValue = "10")
    long framesPerSecond;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeping;

    @PostConstruct
    void start() {
        metrics.registerOpenSessions(() -> (long) outboxes.size());
        sweeping = scheduler.scheduleAtFixedRate(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes what has outlived its token or gone quiet, and pings what is due. */
    void sweep() {
        Instant now = Instant.now();
        for (SessionOutbox outbox : outboxes.values()) {
            if (!now.isBefore(outbox.signedInUntil())) {
                outbox.close(TOKEN_EXPIRED);
            } else if (outbox.lastHeard().plus(idleTimeout).isBefore(now)) {
                outbox.close(IDLE);
            } else if (!outbox.lastPinged().plus(pingInterval).isAfter(now)) {
                outbox.ping(now);
            }
        }
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
        sweeping.cancel(false);
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

    void add(Session session, Instant signedInUntil) {
        Bucket inboundFrames = Bucket.builder()
                .addLimit(limit -> limit.capacity(frameBurst).refillGreedy(framesPerSecond, Duration.ofSeconds(1))).build();
        outboxes.put(session.getId(), new SessionOutbox(session, maxPendingFrames, signedInUntil, inboundFrames, Instant.now()));
    }

    /** A frame arrived: the client is there. False, and the session closed, if it is over its allowance. */
    boolean admitFrame(Session session) {
        SessionOutbox outbox = outboxes.get(session.getId());
        if (outbox == null) {
            return false;
        }
        outbox.heard(Instant.now());
        if (!outbox.takeFrame()) {
            outbox.close(TOO_MANY_FRAMES);
            return false;
        }
        return true;
    }

    /** A pong arrived. */
    void heard(Session session) {
        SessionOutbox outbox = outboxes.get(session.getId());
        if (outbox != null) {
            outbox.heard(Instant.now());
        }
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
