package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What crosses instances within a second: membership (a member added on one server starts
 * receiving the room on the other, a member removed stops) and signals (typing, read).
 * Run by {@code scripts/test_faults.sh} against its two servers, each ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersIT {

    /** What the contract promises: a socket on any instance sees a membership change within a second. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration POST_EVERY = Duration.ofMillis(100);
    /** How often the server relays one user's typing in one room at most. */
    private static final Duration RELAY_EVERY = Duration.ofSeconds(1);

    private final FaultStack stack = new FaultStack();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String owner = "owner-" + run;
    private final String guest = "guest-" + run;
    /** Message id -> when its post was answered. */
    private final Map<String, Instant> postedAt = new ConcurrentHashMap<>();
    /** The ways ("from -> to") a signal has been seen to take between the servers. */
    private final Set<String> signalsFlow = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void bothServersReady() throws Exception {
        for (var server : java.util.List.of(stack.serverA, stack.serverB)) {
            Chat.await("server " + server + " ready", Duration.ofSeconds(120), () -> stack.ready(server) ? true : null);
        }
        // Both users sign in, so that the directory knows them.
        assertEquals(200, stack.client(stack.serverA).rooms(stack.token(owner)).statusCode());
        assertEquals(200, stack.client(stack.serverB).rooms(stack.token(guest)).statusCode());
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aMemberAddedOnOneServerStartsAndStopsReceivingOnTheOtherWithinASecond() throws Exception {
        String room = Chat.freshRoom("two-servers");
        ChatClient a = stack.client(stack.serverA);
        ChatClient b = stack.client(stack.serverB);
        assertEquals(201, a.createRoom(stack.token(owner), room, "private").statusCode());
        try (RecordingSocket guestOnB = socket(b, guest)) {
            // Each server's broadcast consumer has joined its group: a message of a public room
            // the guest joined, posted through A, reaches the guest's socket on B.
            String probeRoom = Chat.freshRoom("two-servers-probe");
            assertEquals(201, a.createRoom(stack.token(owner), probeRoom, "public").statusCode());
            assertEquals(204, b.addMember(stack.token(guest), probeRoom, guest).statusCode());
            Chat.await("a public message through A reaching a socket on B", Duration.ofSeconds(120), () -> {
                String id = post(a, probeRoom, "probe");
                try {
                    return guestOnB.awaitMessage(id, Duration.ofSeconds(2));
                } catch (AssertionError notYet) {
                    return null;
                }
            });

            Instant added = answered(a.addMember(stack.token(owner), room, guest), 204);
            String first = postUntilReceived(a, room, guestOnB, Duration.ofSeconds(10));
            assertTrue(!postedAt.get(first).isAfter(added.plus(WITHIN)),
                    "the first message the guest on B received was posted " + Duration.between(added, postedAt.get(first)).toMillis()
                            + " ms after the join was answered on A");

            Instant removed = answered(a.removeMember(stack.token(owner), room, guest), 204);
            Instant until = removed.plus(WITHIN).plus(Duration.ofSeconds(2));
            while (Instant.now().isBefore(until)) {
                post(a, room, "after the removal");
                Thread.sleep(POST_EVERY.toMillis());
            }
            Thread.sleep(1_000);
            long lateDeliveries = guestOnB.messageIdsIn(room).stream()
                    .filter(id -> postedAt.containsKey(id) && postedAt.get(id).isAfter(removed.plus(WITHIN))).count();
            assertEquals(0, lateDeliveries, "messages posted more than a second after the removal still reached the guest on B");
        }
    }

    @Test
    void typingReachesTheRoomsOtherMembersOnTheOtherServerWithinASecondAndNobodyElse() throws Exception {
        String room = Chat.freshRoom("typing");
        ChatClient a = stack.client(stack.serverA);
        ChatClient b = stack.client(stack.serverB);
        String stranger = "stranger-" + run;
        assertEquals(201, a.createRoom(stack.token(owner), room, "private", guest).statusCode());
        try (RecordingSocket ownerOnA = socket(a, owner);
             RecordingSocket strangerOnA = socket(a, stranger);
             RecordingSocket guestOnB = socket(b, guest)) {
            String typing = "{\"type\":\"typing\",\"room\":\"" + room + "\"}";
            awaitSignals(a, b);
            Instant sent = Instant.now();
            ownerOnA.send(typing);
            JsonObject received = guestOnB.await("typing of " + owner, frame -> isTyping(frame, room, owner), WITHIN);
            assertEquals(owner, received.getJsonObject("user").getString("id"), received.toString());
            assertTrue(!received.getJsonObject("user").getString("name").isBlank(), received.toString());
            Duration took = Duration.between(sent, Instant.now());
            assertTrue(took.compareTo(WITHIN) <= 0, "typing took " + took.toMillis() + " ms to cross");

            // A flood is relayed as one signal per user and room per second, not frame by frame.
            Thread.sleep(RELAY_EVERY.plusMillis(100).toMillis());
            long beforeFlood = guestOnB.count(frame -> isTyping(frame, room, owner));
            for (int i = 0; i < 20; i++) {
                ownerOnA.send(typing);
            }
            // Not a member: an error, and nothing relayed.
            strangerOnA.send("{\"type\":\"typing\",\"room\":\"" + room + "\",\"clientMessageId\":\"t1\"}");
            JsonObject refused = strangerOnA.await("an error for typing in a room not theirs",
                    frame -> "error".equals(frame.getString("type", null)) && "t1".equals(frame.getString("clientMessageId", null)), WITHIN);
            assertEquals(404, refused.getInt("status"), refused.toString());
            Thread.sleep(WITHIN.plusMillis(500).toMillis());
            long relayed = guestOnB.count(frame -> isTyping(frame, room, owner)) - beforeFlood;
            assertTrue(relayed >= 1 && relayed <= 2, "20 typing frames in a burst were relayed as " + relayed + " signals");
            assertEquals(0, guestOnB.count(frame -> isTyping(frame, room, stranger)), "a non-member's typing was relayed");
            assertEquals(0, ownerOnA.count(frame -> "typing".equals(frame.getString("type", null))), "the typist was told of their own typing");
            assertEquals(0, strangerOnA.count(frame -> "typing".equals(frame.getString("type", null))), "a non-member saw the room's typing");
        }
    }

    @Test
    void readingOnOneServerReachesTheReadersSocketOnTheOtherWithinASecond() throws Exception {
        String room = Chat.freshRoom("read");
        ChatClient a = stack.client(stack.serverA);
        ChatClient b = stack.client(stack.serverB);
        assertEquals(201, a.createRoom(stack.token(owner), room, "private", guest).statusCode());
        try (RecordingSocket guestOnB = socket(b, guest)) {
            String message = post(a, room, "read me");
            guestOnB.awaitMessage(message, Duration.ofSeconds(10));
            awaitSignals(a, b);
            Instant read = markRead(a, guest, room, message);
            guestOnB.await("read " + message, frame -> isRead(frame, room, message), WITHIN);
            Duration took = Duration.between(read, Instant.now());
            assertTrue(took.compareTo(WITHIN) <= 0, "the read took " + took.toMillis() + " ms to reach the other server");
            // Only a member may say they read the room.
            assertEquals(404, a.markRead(stack.token("stranger-" + run), room, message).statusCode());
        }
    }

    @Test
    void aUserIsOnlineOnTheOtherServerFromTheirFirstSessionToTheirLast() throws Exception {
        String room = Chat.freshRoom("presence");
        ChatClient a = stack.client(stack.serverA);
        ChatClient b = stack.client(stack.serverB);
        String visitor = "visitor-" + run;
        // Signed in once, so that the directory knows them.
        assertEquals(200, b.rooms(stack.token(visitor)).statusCode());
        assertEquals(201, a.createRoom(stack.token(owner), room, "private", visitor).statusCode());
        try (RecordingSocket ownerOnA = socket(a, owner)) {
            awaitSignals(b, a);
            RecordingSocket first = socket(b, visitor);
            ownerOnA.awaitPresence(visitor, "online", WITHIN);
            assertTrue(memberOnline(a, room, visitor), "the room's members on A show " + visitor + " online");
            assertTrue(memberOnline(b, room, visitor), "the room's members on B show " + visitor + " online");

            // A second session changes nothing; only the last one closing makes them offline.
            long onlineFrames = ownerOnA.countPresence(visitor, "online");
            try (RecordingSocket second = socket(a, visitor)) {
                Thread.sleep(WITHIN.toMillis());
                assertEquals(onlineFrames, ownerOnA.countPresence(visitor, "online"), "a second session said online again");
                first.close();
                Thread.sleep(WITHIN.toMillis());
                assertEquals(0, ownerOnA.countPresence(visitor, "offline"), "offline while a session on A is open");
                assertTrue(memberOnline(b, room, visitor), "online while a session on A is open");
            }
            Instant closed = Instant.now();
            ownerOnA.awaitPresence(visitor, "offline", WITHIN);
            Duration took = Duration.between(closed, Instant.now());
            assertTrue(took.compareTo(WITHIN) <= 0, "offline took " + took.toMillis() + " ms to cross");
            assertTrue(!memberOnline(a, room, visitor), "the room's members on A still show " + visitor + " online");
            assertEquals(0, ownerOnA.countPresence(owner, "online"), "a user was told of their own presence");
        }
    }

    private boolean memberOnline(ChatClient server, String room, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = server.room(stack.token(owner), room);
        assertEquals(200, response.statusCode(), response.body());
        return ChatClient.parse(response.body()).getJsonArray("memberList").getValuesAs(JsonObject.class).stream()
                .filter(member -> user.equals(member.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(user + " is not among the members: " + response.body()))
                .getBoolean("online");
    }

    /** A socket of the user's on the server. */
    private RecordingSocket socket(ChatClient server, String user) throws IOException, InterruptedException {
        return RecordingSocket.open(server, server.ticket(stack.token(user)), server.origin());
    }

    /**
     * Waits until a signal through one server reaches a socket on the other: until the other's
     * signal consumer has joined its group (from the latest record), a signal can pass it by.
     */
    private void awaitSignals(ChatClient from, ChatClient to) throws Exception {
        if (!signalsFlow.add(from.server() + " -> " + to.server())) {
            return;
        }
        String room = Chat.freshRoom("signals-probe");
        assertEquals(201, from.createRoom(stack.token(owner), room, "private", guest).statusCode());
        String typing = "{\"type\":\"typing\",\"room\":\"" + room + "\"}";
        try (RecordingSocket typist = socket(from, owner);
             RecordingSocket reader = socket(to, guest)) {
            Chat.await("a typing signal through " + from.server() + " reaching a socket on " + to.server(), Duration.ofSeconds(120), () -> {
                typist.send(typing);
                try {
                    return reader.await("typing", frame -> isTyping(frame, room, owner), RELAY_EVERY.plusMillis(200));
                } catch (AssertionError notYet) {
                    return null;
                }
            });
        }
    }

    private static boolean isTyping(JsonObject frame, String room, String user) {
        return "typing".equals(frame.getString("type", null)) && room.equals(frame.getString("room", null))
                && user.equals(frame.getJsonObject("user").getString("id", null));
    }

    private static boolean isRead(JsonObject frame, String room, String messageId) {
        return "read".equals(frame.getString("type", null)) && room.equals(frame.getString("room", null))
                && messageId.equals(frame.getString("messageId", null));
    }

    /** Posts every 100 ms until the socket receives one of the room's messages; that message's id. */
    private String postUntilReceived(ChatClient server, String room, RecordingSocket socket, Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            post(server, room, "after the join");
            if (!socket.messageIdsIn(room).isEmpty()) {
                return socket.messageIdsIn(room).get(0);
            }
            Thread.sleep(POST_EVERY.toMillis());
        }
        throw new AssertionError("no message of " + room + " reached the socket on B within " + atMost.toSeconds() + " s of the join");
    }

    private String post(ChatClient server, String room, String text) {
        try {
            HttpResponse<String> response = server.post(stack.token(owner), room, text, null);
            assertEquals(202, response.statusCode(), response.body());
            String id = ChatClient.parse(response.body()).getString("id");
            postedAt.put(id, Instant.now());
            return id;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Marks the room read up to the message once it is stored (404 until then); when that was answered. */
    private Instant markRead(ChatClient server, String user, String room, String messageId) {
        return Chat.await(messageId + " stored and marked read", Duration.ofSeconds(10), () -> {
            try {
                return server.markRead(stack.token(user), room, messageId).statusCode() == 204 ? Instant.now() : null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Instant answered(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Instant.now();
    }
}
