package io.chatapp.rooms;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.Membership;
import io.chatapp.model.Room;
import io.chatapp.model.RoomCreation;
import io.chatapp.model.Sender;
import io.chatapp.store.MemberState;
import io.chatapp.store.RoomRepository;
import io.chatapp.store.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomAccessTest {

    private static final Sender ALICE = new Sender("alice", "Alice");
    private static final Sender BOB = new Sender("bob", "Bob");
    private static final String T0 = "2026-11-28T10:00:00.000Z";

    /** The store as far as access asks it: rooms, and their memberships. */
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, List<MemberState>> memberships = new HashMap<>();
    private final AtomicLong nanos = new AtomicLong();
    /** How many more reads the store leaves unanswered. */
    private final AtomicInteger unanswered = new AtomicInteger();
    private RoomAccess access;

    @BeforeEach
    void createAccess() {
        access = new RoomAccess(nanos::get);
        access.repository = new RoomRepository() {
            @Override
            public Optional<Room> find(String id) {
                if (unanswered.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new StoreUnavailableException(new IllegalStateException("no answer within the request's time"));
                }
                return Optional.ofNullable(rooms.get(id));
            }

            @Override
            public List<MemberState> memberships(String room) {
                return memberships.getOrDefault(room, List.of());
            }

            @Override
            public Map<String, MemberState> membershipsOf(String userId) {
                Map<String, MemberState> rooms = new HashMap<>();
                memberships.forEach((room, states) -> states.stream().filter(state -> state.user().id().equals(userId))
                        .forEach(state -> rooms.put(room, state)));
                return rooms;
            }
        };
        rooms.put("open", new Room("open", "Open", Room.PUBLIC, ALICE, T0));
        rooms.put("closed", new Room("closed", "Closed", Room.PRIVATE, ALICE, T0));
        memberships.put("closed", List.of(new MemberState(ALICE, true, Instant.parse(T0))));
    }

    @Test
    void aSessionOpeningWhileTheStoreIsBehindGetsEveryRoomItsUserJoinedLately() {
        access.joined(new ChatEvent.MemberJoined("e1", new Membership("open", BOB, BOB, "2026-11-28T10:00:02.000Z")));
        advance(Duration.ofMinutes(9));
        access.joined(new ChatEvent.MemberJoined("e2", new Membership("second", BOB, BOB, "2026-11-28T10:09:02.000Z")));
        advance(Duration.ofMinutes(2));
        assertEquals(Set.of(Room.GENERAL, "open", "second"), access.roomsOf("bob"),
                "the store has neither join yet: the changes are kept from the last one, not from the first");
        assertTrue(access.lastChangeJoined("bob", "open"));

        advance(RoomAccess.RECENT_CHANGES_KEPT);
        memberships.put("second", List.of(new MemberState(BOB, true, Instant.parse("2026-11-28T10:09:02.000Z"))));
        assertEquals(Set.of(Room.GENERAL, "second"), access.roomsOf("bob"), "kept for a while, then the store says");
    }

    @Test
    void aRequestIsToldTheStoreIsUnavailableWhileDeliveryWaitsForIt() {
        unanswered.set(1);
        assertThrows(StoreUnavailableException.class, () -> access.requireVisible("closed", "alice"),
                "a user asking is told to try again");
        unanswered.set(2);
        assertEquals(Optional.of(Set.of("alice")), access.audience("closed"), "delivery read the room until the store answered");
        assertEquals(0, unanswered.get());
    }

    @Test
    void deliveryStopsWaitingWhenTheInstanceStops() {
        access.stopping(new Stopping());
        unanswered.set(1);
        assertThrows(StoreUnavailableException.class, () -> access.audience("closed"));
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void aPublicRoomIsEveryonesAPrivateOneItsMembers() {
        assertEquals("open", access.requireVisible("open", "bob").orElseThrow().id());
        assertEquals("closed", access.requireVisible("closed", "alice").orElseThrow().id());
        assertThrows(RoomNotFoundException.class, () -> access.requireVisible("closed", "bob"));
        assertEquals(Optional.empty(), access.audience("open"), "a public room's messages go to everyone");
        assertEquals(Optional.of(Set.of("alice")), access.audience("closed"));
    }

    @Test
    void aRoomNotCreatedYetIsPublicButADirectOneDoesNotExist() {
        assertEquals(Optional.empty(), access.requireVisible("first-message-makes-it", "bob"));
        assertThrows(RoomNotFoundException.class, () -> access.requireVisible(Room.directId("alice", "bob"), "alice"));
    }

    @Test
    void aRoomCreatedElsewhereMomentsAgoIsReadFromTheStore() {
        access.requireVisible("late", "bob");
        rooms.put("late", new Room("late", "Late", Room.PRIVATE, ALICE, T0));
        assertThrows(RoomNotFoundException.class, () -> access.requireVisible("late", "bob"),
                "a room known as not created yet is looked up again, not taken for public");
    }

    @Test
    void membershipEventsChangeWhoSeesTheRoomAndTheLaterChangeWins() {
        access.requireVisible("closed", "alice");
        access.joined(new ChatEvent.MemberJoined("e1", new Membership("closed", BOB, ALICE, "2026-11-28T10:00:02.000Z")));
        assertTrue(access.visible("closed", "bob"));

        access.left(new ChatEvent.MemberLeft("e2", new Membership("closed", BOB, BOB, "2026-11-28T10:00:03.000Z")));
        access.joined(new ChatEvent.MemberJoined("e1", new Membership("closed", BOB, ALICE, "2026-11-28T10:00:02.000Z")));
        assertFalse(access.visible("closed", "bob"), "the join came again after the later leave: the leave stands");
        assertEquals(Optional.of(Set.of("alice")), access.audience("closed"));
    }

    @Test
    void aCreatedRoomIsItsFirstMembersAtOnce() {
        Room room = new Room("fresh", "Fresh", Room.PRIVATE, ALICE, T0);
        access.created(new ChatEvent.RoomCreated("e3", new RoomCreation(room, List.of(ALICE, BOB))));
        assertTrue(access.visible("fresh", "bob"));
        assertFalse(access.visible("fresh", "carol"));
    }

    @Test
    void theMembersListedHoldTheChangesAppliedHereBeforeTheStoreHasThem() {
        Sender carol = new Sender("carol", "Carol");
        List<Sender> stored = List.of(ALICE, BOB);
        assertEquals(stored, access.membersNow("closed", stored), "with no change applied here the store's list stands");

        access.joined(new ChatEvent.MemberJoined("e4", new Membership("closed", carol, ALICE, "2026-11-28T10:00:04.000Z")));
        access.left(new ChatEvent.MemberLeft("e5", new Membership("closed", BOB, BOB, "2026-11-28T10:00:05.000Z")));
        assertEquals(List.of(ALICE, carol), access.membersNow("closed", stored), "carol just added, bob just gone, by name");
    }
}
