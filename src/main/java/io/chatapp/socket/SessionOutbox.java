package io.chatapp.socket;

import io.github.bucket4j.Bucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One session's side of the registry. Sends its frames asynchronously, one at a time and in
 * order (pings too, between them). A client that falls more than {@code capacity} frames
 * behind is disconnected (it reconnects and catches up from history) rather than let its
 * backlog grow without bound. Also keeps what the registry's rules need: until when the
 * client is signed in, when it was last heard from, and its allowance of inbound frames.
 */
final class SessionOutbox {

    private static final Logger LOG = Logger.getLogger(SessionOutbox.class.getName());
    /** Queued among the frames: send a ping here. */
    private static final Object PING = new Object();

    private final Session session;
    private final int capacity;
    private final Instant signedInUntil;
    private final Bucket inboundFrames;
    private final Queue<Object> pending = new ArrayDeque<>();
    private boolean sending;
    private volatile Instant lastHeard;
    private volatile Instant lastPinged;

    SessionOutbox(Session session, int capacity, Instant signedInUntil, Bucket inboundFrames, Instant now) {
        this.session = session;
        this.capacity = capacity;
        this.signedInUntil = signedInUntil;
        this.inboundFrames = inboundFrames;
        this.lastHeard = now;
        this.lastPinged = now;
    }

    Instant signedInUntil() {
        return signedInUntil;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    Instant lastPinged() {
        return lastPinged;
    }

    /** The client sent something (a frame, a pong): it is there. */
    void heard(Instant now) {
        lastHeard = now;
    }

    /** Takes one inbound frame from the connection's allowance; false when it has none left. */
    boolean takeFrame() {
        return inboundFrames.tryConsume(1);
    }

    /** Asks the client to show it is there: browsers answer a ping with a pong by themselves. */
    void ping(Instant now) {
        lastPinged = now;
        enqueue(PING);
    }

    Session session() {
        return session;
    }

    void send(String frame) {
        enqueue(frame);
    }

    private void enqueue(Object frame) {
        synchronized (this) {
            if (sending) {
                if (pending.size() >= capacity) {
                    pending.clear();
                    closeSlowClient();
                    return;
                }
                pending.add(frame);
                return;
            }
            sending = true;
        }
        transmit(frame);
    }

    private void transmit(Object frame) {
        if (!session.isOpen()) {
            return;
        }
        if (frame == PING) {
            try {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Ping to a closing session failed", e);
            }
            sent(null);
            return;
        }
        try {
            session.getAsyncRemote().sendText((String) frame, this::sent);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Send to a closing session failed", e);
        }
    }

    private void sent(SendResult result) {
        if (result != null && !result.isOK()) {
            LOG.log(Level.FINE, "Send failed", result.getException());
        }
        Object next;
        synchronized (this) {
            next = pending.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        transmit(next);
    }

    private void closeSlowClient() {
        close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow; reconnect and catch up"));
    }

    void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a session failed", e);
        }
    }
}
