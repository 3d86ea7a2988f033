package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The open sessions of this instance, by user, and which rooms each listens to, so that a
 * room's message goes to that room's sessions only: its cost is the room's size, not the number
 * of open sessions.
 */
@ApplicationScoped
public class SessionRegistry {

    static final CloseReason GOING_AWAY = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down; reconnect");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Map<String, ChatSession> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<ChatSession>> byRoom = new ConcurrentHashMap<>();
    private final Map<String, Set<ChatSession>> byUser = new ConcurrentHashMap<>();

    @Inject
    ChatMetrics metrics;

    @PostConstruct
    void start() {
        metrics.registerOpenSessions(() -> (long) byId.size());
        metrics.registerActiveRooms(() -> (long) byRoom.size());
    }

    /** A stop without a signal (an undeployment, {@code server stop}): what is still open is closed now. */
    @PreDestroy
    void stopped() {
        closeAll();
    }

    /** Tells every client the server is going away (1001), and waits a little for them to leave. */
    void closeAll() {
        byId.values().forEach(session -> session.close(GOING_AWAY));
        // Each session leaves the registry when its closing handshake completes.
        Instant deadline = Instant.now().plus(CLOSE_GRACE);
        while (!byId.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void add(ChatSession session) {
        byId.put(session.id(), session);
        addTo(byUser, session.userId(), session);
    }

    void subscribe(ChatSession session, String room) {
        session.rooms().add(room);
        addTo(byRoom, room, session);
    }

    /**
     * Adds within the map's own update of the key: added after it, the session could land in a
     * set that the last other session's removal has just taken out of the map, and be missed.
     */
    private static void addTo(Map<String, Set<ChatSession>> index, String key, ChatSession session) {
        index.compute(key, (ignored, sessions) -> {
            Set<ChatSession> now = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            now.add(session);
            return now;
        });
    }

    void unsubscribe(ChatSession session, String room) {
        session.rooms().remove(room);
        byRoom.computeIfPresent(room, (key, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** @return the session removed, if it was still here */
    Optional<ChatSession> remove(Session session) {
        ChatSession removed = byId.remove(session.getId());
        if (removed != null) {
            byUser.computeIfPresent(removed.userId(), (key, sessions) -> {
                sessions.remove(removed);
                return sessions.isEmpty() ? null : sessions;
            });
            // Its own rooms only: closing a session costs the rooms it was in, not every room.
            List.copyOf(removed.rooms()).forEach(room -> unsubscribe(removed, room));
        }
        return Optional.ofNullable(removed);
    }

    Optional<ChatSession> find(Session session) {
        return Optional.ofNullable(byId.get(session.getId()));
    }

    Collection<ChatSession> all() {
        return byId.values();
    }

    /** The sessions of these users. */
    Stream<ChatSession> sessionsOf(Set<String> userIds) {
        return userIds.stream().flatMap(user -> byUser.getOrDefault(user, Set.of()).stream());
    }

    /** The sessions a message of the room goes to: those of its members. */
    Stream<ChatSession> audience(String room) {
        return byRoom.getOrDefault(room, Set.of()).stream();
    }

    /** The sessions of the room's members but the user's: who is told of what the user does there. */
    Stream<ChatSession> audienceExcept(String room, String userId) {
        return audience(room).filter(session -> !session.userId().equals(userId));
    }
}
