package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.RecordingSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Membership across instances: a change made through one server reaches a socket on the other
 * within a second, both ways: a member added starts receiving the room, a member removed stops.
 * Run by {@code scripts/test_faults.sh} against its two servers, each ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersIT {

    /** What the contract promises: a socket on any instance sees a membership change within a second. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration POST_EVERY = Duration.ofMillis(100);

    private final FaultStack stack = new FaultStack();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String owner = "owner-" + run;
    private final String guest = "guest-" + run;
    /** Message id -> when its post was answered. */
    private final Map<String, Instant> postedAt = new ConcurrentHashMap<>();

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
        try (RecordingSocket guestOnB = RecordingSocket.open(b, b.ticket(stack.token(guest)), b.origin())) {
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

    private static Instant answered(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Instant.now();
    }
}
