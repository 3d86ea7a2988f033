package io.chatapp.socket;

import io.github.bucket4j.Bucket;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRegistryTest {

    private final SessionRegistry registry = new SessionRegistry();

    private static Session session(String id) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> false;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static ChatSession open(String id) {
        Session session = session(id);
        Bucket frames = Bucket.builder().addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofSeconds(1))).build();
        return new ChatSession(session, "user-" + session.getId(), new SessionOutbox(session, 10, Runnable::run), Instant.MAX, frames, Instant.now());
    }

    private Set<String> audience(String room) {
        return registry.audience(room).map(ChatSession::id).collect(Collectors.toSet());
    }

    @Test
    void aRoomsMessageGoesToTheSessionsSubscribedToItOnly() {
        ChatSession general = open("general-only");
        ChatSession design = open("design");
        ChatSession both = open("both");
        for (ChatSession session : new ChatSession[] {general, design, both}) {
            registry.add(session);
        }
        registry.subscribe(general, "general");
        registry.subscribe(both, "general");
        registry.subscribe(design, "design");
        registry.subscribe(both, "design");
        registry.subscribe(both, "design");

        assertEquals(Set.of("design", "both"), audience("design"));
        assertEquals(2, registry.audience("design").count(), "subscribed twice, sent once");
        assertEquals(Set.of("general-only", "both"), audience("general"));
        assertEquals(0, registry.audience("elsewhere").count());
    }

    @Test
    void whatAUserDoesInARoomIsToldToEveryoneThereButThem() {
        ChatSession mine = open("mine");
        ChatSession theirs = open("theirs");
        registry.add(mine);
        registry.add(theirs);
        registry.subscribe(mine, "design");
        registry.subscribe(theirs, "design");
        assertEquals(Set.of("theirs"), registry.audienceExcept("design", mine.userId()).map(ChatSession::id).collect(Collectors.toSet()));
    }

    @Test
    void aSessionThatLeftReceivesNothing() {
        ChatSession design = open("design");
        ChatSession other = open("other");
        registry.add(design);
        registry.add(other);
        registry.subscribe(other, "design");
        registry.subscribe(design, "design");
        registry.unsubscribe(design, "design");
        assertEquals(Set.of("other"), audience("design"));

        ChatSession gone = open("gone");
        registry.add(gone);
        registry.subscribe(gone, "design");
        registry.remove(session("gone"));
        assertEquals(Set.of("other"), audience("design"));
        assertTrue(registry.find(session("gone")).isEmpty());
    }

    @Test
    void aUsersSessionsAreFoundByUser() {
        ChatSession first = open("first");
        ChatSession second = open("second");
        registry.add(first);
        registry.add(second);
        assertEquals(Set.of("first"), registry.sessionsOf(Set.of(first.userId())).map(ChatSession::id).collect(Collectors.toSet()));
        registry.remove(session("first"));
        assertEquals(0, registry.sessionsOf(Set.of(first.userId())).count());
    }
}
