package io.chatapp.presence;

import io.chatapp.model.Sender;
import io.chatapp.model.Signal;
import io.chatapp.testing.MovingClock;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresenceBoardTest {

    private static final Sender BOB = new Sender("bob", "Bob");
    private static final Duration EXPIRY = Duration.ofSeconds(50);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<PresenceChanged> fired = new ArrayList<>();
    private PresenceBoard board;

    @BeforeEach
    void board() {
        board = new PresenceBoard(clock);
        board.expiry = EXPIRY;
        board.changes = new Recorded();
    }

    @Test
    void aUserIsOnlineFromTheirFirstInstanceToTheLastOneGone() {
        board.apply(online("a", BOB));
        board.apply(online("b", BOB));
        assertTrue(board.isOnline("bob"));
        assertEquals(List.of(new PresenceChanged(BOB, true)), fired);

        board.apply(offline("a", "bob"));
        assertTrue(board.isOnline("bob"), "still on b");
        board.apply(offline("b", "bob"));
        assertFalse(board.isOnline("bob"));
        assertEquals(List.of(new PresenceChanged(BOB, true), new PresenceChanged(BOB, false)), fired);
    }

    @Test
    void anInstanceThatGoesQuietTakesItsUsersWithItAfterTheExpiry() {
        board.apply(online("a", BOB));
        board.apply(online("b", new Sender("carol", "Carol")));
        clock.advance(EXPIRY.minusSeconds(30));
        board.apply(online("b", new Sender("carol", "Carol")));
        board.sweep();
        assertTrue(board.isOnline("bob"), "quiet for less than the expiry");

        clock.advance(Duration.ofSeconds(31));
        board.sweep();
        assertFalse(board.isOnline("bob"), "a's heartbeat is overdue: a died");
        assertTrue(board.isOnline("carol"), "b repeated its users");
        assertEquals(new PresenceChanged(BOB, false), fired.get(fired.size() - 1));
    }

    @Test
    void aUserGoneFromAnInstanceTheyWereNeverSeenOnChangesNothing() {
        board.apply(offline("a", "bob"));
        board.apply(online("a", BOB));
        board.apply(offline("b", "bob"));
        assertTrue(board.isOnline("bob"));
        assertEquals(List.of(new PresenceChanged(BOB, true)), fired);
    }

    private static Signal.Presence online(String instance, Sender user) {
        return new Signal.Presence(instance, List.of(user), List.of());
    }

    private static Signal.Presence offline(String instance, String userId) {
        return new Signal.Presence(instance, List.of(), List.of(userId));
    }

    private final class Recorded implements Event<PresenceChanged> {
        @Override
        public void fire(PresenceChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends PresenceChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PresenceChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PresenceChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PresenceChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PresenceChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
