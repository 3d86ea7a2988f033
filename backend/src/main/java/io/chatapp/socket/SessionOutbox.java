package io.chatapp.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one session's frames asynchronously, one at a time and in order (pings too, between
 * them). A client that falls more than {@code capacity} frames behind is disconnected (it
 * reconnects and catches up from history) rather than let its backlog grow without bound.
 * <p>
 * Open Liberty writes a ping, and a closing handshake, synchronously even when asked through
 * the asynchronous remote: to a client that does not read, the write blocks until it does.
 * Those go to {@code blockingWrites}, so that a slow client never holds the thread that
 * delivers messages, sweeps the sessions or answers requests.
 */
final class SessionOutbox {

    private static final Logger LOG = Logger.getLogger(SessionOutbox.class.getName());
    /** How many frames may wait before frames of the moment are dropped instead of queued. */
    static final int BACKLOG_FOR_EPHEMERAL = 16;
    /** Queued among the frames: send a ping here. */
    private static final Object PING = new Object();

    private final Session session;
    private final int capacity;
    private final Executor blockingWrites;
    private final Queue<Object> pending = new ArrayDeque<>();
    private boolean sending;
    /** The session went away: nothing more is sent, and whoever waits on a frame is told at once. */
    private boolean closed;

    /** @param blockingWrites runs the writes that may block: pings and closes */
    SessionOutbox(Session session, int capacity, Executor blockingWrites) {
        this.session = session;
        this.capacity = capacity;
        this.blockingWrites = blockingWrites;
    }

    void send(String frame) {
        enqueue(frame);
    }

    /** Sends a frame and runs {@code whenDone} once it is written, or will never be. */
    void send(String frame, Runnable whenDone) {
        enqueue(new Tracked(frame, whenDone));
    }

    /** A frame whose sender wants to know when it has left. */
    private record Tracked(String text, Runnable whenDone) {
    }

    void ping() {
        enqueue(PING);
    }

    /**
     * Sends a frame that is worth little late (typing, presence), unless the client is backed
     * up: with {@link #BACKLOG_FOR_EPHEMERAL} frames or more waiting it is dropped, so that such
     * frames neither pile up behind messages nor get a client disconnected as too slow.
     *
     * @return whether it was sent or queued
     */
    boolean offer(String frame) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (sending) {
                if (pending.size() >= BACKLOG_FOR_EPHEMERAL) {
                    return false;
                }
                pending.add(frame);
                return true;
            }
            sending = true;
        }
        transmit(frame);
        return true;
    }

    private void enqueue(Object frame) {
        synchronized (this) {
            if (closed) {
                abandon(frame);
                return;
            }
            if (sending) {
                if (pending.size() >= capacity) {
                    pending.forEach(SessionOutbox::abandon);
                    pending.clear();
                    abandon(frame);
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

    private static void abandon(Object frame) {
        if (frame instanceof Tracked tracked) {
            tracked.whenDone().run();
        }
    }

    /** The session is gone: this frame and those waiting will never be sent. */
    private void giveUp(Object frame) {
        List<Object> waiting;
        synchronized (this) {
            closed = true;
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        abandon(frame);
        waiting.forEach(SessionOutbox::abandon);
    }

    private void transmit(Object frame) {
        if (!session.isOpen()) {
            giveUp(frame);
            return;
        }
        if (frame == PING) {
            // Frames after it wait until it is written: the session takes one write at a time.
            try {
                blockingWrites.execute(this::writePing);
            } catch (RejectedExecutionException stopping) {
                sent(null);
            }
            return;
        }
        try {
            if (frame instanceof Tracked tracked) {
                session.getAsyncRemote().sendText(tracked.text(), result -> {
                    try {
                        tracked.whenDone().run();
                    } finally {
                        sent(result);
                    }
                });
            } else {
                session.getAsyncRemote().sendText((String) frame, this::sent);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Send to a closing session failed", e);
            giveUp(frame);
        }
    }

    private void writePing() {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ping to a closing session failed", e);
        }
        sent(null);
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

    /** Closes the session: at once from the caller's point of view, as the handshake waits for a write under way. */
    void close(CloseReason reason) {
        try {
            blockingWrites.execute(() -> closeNow(reason));
        } catch (RejectedExecutionException stopping) {
            closeNow(reason);
        }
    }

    private void closeNow(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a session failed", e);
        }
    }
}
