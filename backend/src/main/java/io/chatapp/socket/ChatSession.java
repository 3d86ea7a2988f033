package io.chatapp.socket;

import io.github.bucket4j.Bucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance knows of one open WebSocket: whose it is, where its frames go (its outbox), the rooms
 * it was subscribed to, until when its user is signed in, when the client was last heard from
 * and pinged, and its allowance of inbound frames.
 */
final class ChatSession {

    private final Session session;
    private final String userId;
    private final SessionOutbox outbox;
    private final Instant signedInUntil;
    private final Bucket inboundFrames;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private volatile Instant lastHeard;
    private volatile Instant lastPinged;

    ChatSession(Session session, String userId, SessionOutbox outbox, Instant signedInUntil, Bucket inboundFrames, Instant now) {
        this.session = session;
        this.userId = userId;
        this.outbox = outbox;
        this.signedInUntil = signedInUntil;
        this.inboundFrames = inboundFrames;
        this.lastHeard = now;
        this.lastPinged = now;
    }

    String id() {
        return session.getId();
    }

    /** Whose session it is. */
    String userId() {
        return userId;
    }

    /** The rooms it was subscribed to one by one; kept by {@link SessionRegistry}. */
    Set<String> rooms() {
        return rooms;
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
        outbox.ping();
    }

    /** Sends a frame, in order with everything else this session is sent. */
    void send(String frame) {
        outbox.send(frame);
    }

    /** Sends a frame and runs {@code whenDone} once it is written, or will never be (the session closed). */
    void send(String frame, Runnable whenDone) {
        outbox.send(frame, whenDone);
    }

    /** Sends a frame of the moment (typing, presence) unless the client is backed up. @return whether it was sent or queued */
    boolean sendUnlessBackedUp(String frame) {
        return outbox.offer(frame);
    }

    void close(CloseReason reason) {
        outbox.close(reason);
    }
}
