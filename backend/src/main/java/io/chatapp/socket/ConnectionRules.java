package io.chatapp.socket;

import io.github.bucket4j.Bucket;
import io.chatapp.metrics.ChatMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The rules a connection lives by: it closes when its user's token expires (4401, so the
 * client signs in again), when the client has not been heard from for the idle timeout (4408;
 * clients are pinged meanwhile, and browsers answer pings by themselves), and when it sends
 * frames faster than its allowance (1008).
 */
@ApplicationScoped
public class ConnectionRules {

    static final CloseReason TOKEN_EXPIRED = new CloseReason(CloseReason.CloseCodes.getCloseCode(4401), "token expired; sign in again");
    static final CloseReason IDLE = new CloseReason(CloseReason.CloseCodes.getCloseCode(4408), "idle for too long");
    static final CloseReason TOO_MANY_FRAMES = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many frames");
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
    static final int MAX_BLOCKING_WRITES = 256;

    @Inject
    SessionRegistry sessions;

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

    @Resource
    ManagedThreadFactory threads;

    private ScheduledFuture<?> sweeping;
    /**
     * The pings and closes of every session: each may block on a client that does not read, so
     * they get threads of their own, outside the server's pool, as many as are blocked at once up
     * to {@link #MAX_BLOCKING_WRITES}; past that a ping is skipped (the next sweep tries again)
     * and a close is made by its caller.
     */
    private ExecutorService blockingWrites;

    @PostConstruct
    void start() {
        blockingWrites = new ThreadPoolExecutor(0, MAX_BLOCKING_WRITES, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        sweeping = scheduler.scheduleAtFixedRate(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sweeping.cancel(false);
        blockingWrites.shutdown();
    }

    /** A session that was admitted: it starts with a full allowance and a clean idle clock. */
    ChatSession open(Session session, String userId, Instant signedInUntil) {
        Bucket inboundFrames = Bucket.builder()
                .addLimit(limit -> limit.capacity(frameBurst).refillGreedy(framesPerSecond, Duration.ofSeconds(1))).build();
        return new ChatSession(session, userId, new SessionOutbox(session, maxPendingFrames, blockingWrites), signedInUntil, inboundFrames, Instant.now());
    }

    /** Closes what has outlived its token or gone quiet, and pings what is due. */
    void sweep() {
        Instant now = Instant.now();
        for (ChatSession session : sessions.all()) {
            if (!now.isBefore(session.signedInUntil())) {
                session.close(TOKEN_EXPIRED);
            } else if (session.lastHeard().plus(idleTimeout).isBefore(now)) {
                session.close(IDLE);
            } else if (!session.lastPinged().plus(pingInterval).isAfter(now)) {
                session.ping(now);
            }
        }
    }

    /** A frame arrived: the client is there. False, and the session closed, if it is over its allowance. */
    boolean admitFrame(ChatSession session) {
        session.heard(Instant.now());
        if (!session.takeFrame()) {
            metrics.refused("frames");
            session.close(TOO_MANY_FRAMES);
            return false;
        }
        return true;
    }
}
