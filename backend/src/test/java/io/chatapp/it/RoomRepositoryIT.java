package io.chatapp.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.Membership;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Room;
import io.chatapp.model.RoomCreation;
import io.chatapp.model.Sender;
import io.chatapp.store.MessageRepository;
import io.chatapp.store.RoomRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rooms and memberships against the real Mongo-wire store, each test in a database of its own. */
public class RoomRepositoryIT {

    private static final Sender ALICE = new Sender("alice", "Alice");
    private static final Sender BOB = new Sender("bob", "Bob");

    private MongoClient client;
    private MongoDatabase database;
    private RoomRepository rooms;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestStack.mongoUri());
        database = client.getDatabase("rooms-it-" + UUID.randomUUID());
        rooms = new RoomRepository(database, TestStack.onRequest(database));
    }

    @AfterEach
    void close() {
        database.drop();
        client.close();
    }

    /** Rooms were once only the room field of messages: such a room becomes public, its posters its members. */
    @Test
    void roomsKnownOnlyFromHistoryBecomePublicRoomsOfTheirPosters() {
        MessageRepository messages = new MessageRepository(database, TestStack.onRequest(database), new ChatMetrics());
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        messages.insertAll(List.of(new MessageRepository.Positioned(ChatMessage.accept(new NewMessage("old-room", "first", null), ALICE, start), 1)));
        messages.insertAll(List.of(new MessageRepository.Positioned(ChatMessage.accept(new NewMessage("old-room", "second", null), BOB, start.plusSeconds(60)), 2)));
        messages.insertAll(List.of(new MessageRepository.Positioned(ChatMessage.accept(new NewMessage("old-room", "third", null), ALICE, start.plusSeconds(120)), 3)));

        rooms.adoptRoomsOfHistory();
        rooms.adoptRoomsOfHistory();

        Room adopted = rooms.find("old-room").orElseThrow();
        assertEquals(Room.PUBLIC, adopted.visibility());
        assertEquals(ALICE, adopted.createdBy(), "its first poster");
        assertEquals("2026-01-05T10:00:00.000Z", adopted.createdAt());
        assertEquals(List.of(ALICE, BOB), rooms.members("old-room"));
        assertEquals(Set.of("old-room"), rooms.joinedAt("bob").keySet());
    }

    /**
     * Reading every message's room is for the history rooms had no members in: done once, not at
     * every start of every instance. A message of a room unknown after that is adopted as it is stored.
     */
    @Test
    void theHistoryIsReadForItsRoomsOnceAndLaterRoomsAreAdoptedAsTheirMessagesAreStored() {
        MessageRepository messages = new MessageRepository(database, TestStack.onRequest(database), new ChatMetrics());
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        messages.insertAll(List.of(new MessageRepository.Positioned(ChatMessage.accept(new NewMessage("old-room", "first", null), ALICE, start), 1)));
        rooms.adoptRoomsOfHistory();
        assertEquals(1, database.getCollection("migrations").countDocuments(), "the adoption is recorded");

        ChatMessage late = ChatMessage.accept(new NewMessage("late-room", "from a backlog", null), BOB, start.plusSeconds(60));
        messages.insertAll(List.of(new MessageRepository.Positioned(late, 2)));
        new RoomRepository(database, TestStack.onRequest(database)).adoptRoomsOfHistory();
        assertTrue(rooms.find("late-room").isEmpty(), "a second start does not read the history again");

        rooms.posted(late);
        assertEquals(BOB, rooms.find("late-room").orElseThrow().createdBy());
        assertEquals(List.of(BOB), rooms.members("late-room"));
    }

    @Test
    void ofTwoChangesOfAMembershipTheLaterWinsInEitherOrder() {
        Instant created = Instant.parse("2026-02-01T09:00:00Z");
        rooms.claim(room("ordered", Room.PRIVATE, created));
        rooms.created(new RoomCreation(room("ordered", Room.PRIVATE, created), List.of(ALICE)));
        Membership joined = new Membership("ordered", BOB, ALICE, ChatMessage.formatTimestamp(created.plusSeconds(10)));
        Membership left = new Membership("ordered", BOB, BOB, ChatMessage.formatTimestamp(created.plusSeconds(20)));

        rooms.left(left);
        rooms.joined(joined);
        assertFalse(rooms.members("ordered").contains(BOB), "a join older than the leave applied after it changes nothing");

        rooms.joined(new Membership("ordered", BOB, ALICE, ChatMessage.formatTimestamp(created.plusSeconds(30))));
                assertEquals(Set.of(ALICE, BOB), Set.copyOf(rooms.members("ordered")));
    }

    @Test
    void anIdIsTakenOnceWhateverTheVisibility() {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        assertTrue(rooms.claim(room("taken", Room.PRIVATE, now)));
        assertFalse(rooms.claim(room("taken", Room.PUBLIC, now.plusSeconds(1))));
        rooms.release(room("taken", Room.PRIVATE, now));
        assertTrue(rooms.find("taken").isEmpty(), "a claim given back frees the id");
    }

    @Test
    void postingToAPublicRoomMakesThePosterAMemberButNotOfAPrivateOne() {
        Instant now = Instant.parse("2026-04-01T08:00:00Z");
        rooms.claim(room("closed", Room.PRIVATE, now));
        rooms.posted(ChatMessage.accept(new NewMessage("open", "hi", null), BOB, now));
        rooms.posted(ChatMessage.accept(new NewMessage("closed", "hi", null), BOB, now));

        assertEquals(Room.PUBLIC, rooms.find("open").orElseThrow().visibility(), "a room first seen in a message is public");
        assertEquals(Set.of("open"), rooms.joinedAt("bob").keySet());
    }

    private static Room room(String id, String visibility, Instant at) {
        return new Room(id, id, visibility, ALICE, ChatMessage.formatTimestamp(at));
    }
}
