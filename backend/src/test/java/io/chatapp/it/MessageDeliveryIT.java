package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message posted by one user reaches the others live, and history keeps it once. */
@MicroShedTest
public class MessageDeliveryIT {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private static Chat alice;
    private static Chat bob;
    private static MongoClient mongo;

    @BeforeAll
    static void signIn() {
        Chat.awaitPipelineReady();
        alice = Chat.as("alice");
        bob = Chat.as("bob");
        mongo = MongoClients.create(TestStack.mongoUri());
    }

    @AfterAll
    static void close() {
        mongo.close();
    }

    private static long storedDocuments(String id) {
        return mongo.getDatabase("chat").getCollection("messages").countDocuments(Filters.eq("message_id", id));
    }

    @Test
    void aPostedMessageIsAcceptedWithTheServersIdTimestampAndTheTokensSender() {
        String room = Chat.freshRoom("accept");
        Instant before = Instant.now().minusSeconds(1);
        Response response = alice.api.post(Chat.body(room, "  hello bob  ", null));

        assertEquals(202, response.getStatus());
        JsonObject message = Chat.object(response);
        assertEquals(room, message.getString("room"));
        assertEquals("hello bob", message.getString("text"));
        assertEquals("alice", message.getJsonObject("sender").getString("id"));
        assertEquals("Alice Liddell", message.getJsonObject("sender").getString("name"));
        assertEquals(message.getString("id"), UUID.fromString(message.getString("id")).toString());
        Instant timestamp = Instant.parse(message.getString("timestamp"));
        assertTrue(timestamp.isAfter(before) && timestamp.isBefore(Instant.now().plusSeconds(1)), "server clock: " + timestamp);
        assertTrue(message.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertFalse(message.containsKey("clientMessageId"));
        assertTrue(response.getLocation().getPath().endsWith("/api/messages/" + message.getString("id")),
                "Location " + response.getLocation());
    }

    @Test
    void theSenderCannotBeForgedInTheBody() {
        String room = Chat.freshRoom("forge");
        Response response = alice.api.post("{\"room\":\"" + room + "\",\"text\":\"hi\",\"sender\":{\"id\":\"bob\",\"name\":\"Bob\"}}");
        assertEquals(202, response.getStatus());
        assertEquals("alice", Chat.object(response).getJsonObject("sender").getString("id"));
    }

    @Test
    void aPostedMessageReachesAnotherUsersWebSocket() {
        String room = Chat.freshRoom("live");
        bob.join(room);
        try (RecordingSocket bobsSocket = bob.connect()) {
            JsonObject posted = alice.post(room, "can you see this?");

            JsonObject frame = bobsSocket.awaitMessage(posted.getString("id"), DELIVERY);

            assertEquals(posted, frame.getJsonObject("message"));
        }
    }

    @Test
    void theMessagesPathServesTheSameApi() {
        String room = Chat.freshRoom("alias");
        Response response = alice.api.post(Chat.body(room, "via /messages", null));
        assertEquals(202, response.getStatus());
        String id = Chat.object(response).getString("id");
        alice.awaitStored(room, id);

        java.net.http.HttpResponse<String> legacy = Http.get("/messages?room=" + room, alice.token);
        assertEquals(200, legacy.statusCode());
        assertTrue(legacy.body().contains(id));
        assertEquals(202, Http.postJson("/messages", Chat.body(room, "posted at /messages", null), alice.token).statusCode());
    }

    @Test
    void aStoredMessageIsInHistoryAndAtItsLocation() {
        String room = Chat.freshRoom("history");
        JsonObject posted = alice.post(room, "remember me");

        JsonObject stored = alice.awaitStored(room, posted.getString("id"));

        assertEquals(posted, stored);
        assertEquals(posted, Chat.object(bob.api.message(posted.getString("id"))));
        assertEquals(1, storedDocuments(posted.getString("id")));
    }

    @Test
    void aWebSocketSendIsAcknowledgedAndDelivered() {
        String room = Chat.freshRoom("ws-send");
        bob.join(room);
        try (RecordingSocket alicesSocket = alice.connect(); RecordingSocket bobsSocket = bob.connect()) {
            alicesSocket.send("{\"type\":\"send\",\"room\":\"" + room + "\",\"text\":\"over the socket\",\"clientMessageId\":\"ws-1\"}");

            JsonObject ack = alicesSocket.await("ack of ws-1", frame -> "ack".equals(frame.getString("type")), DELIVERY);
            assertEquals("ws-1", ack.getString("clientMessageId"));
            String id = ack.getString("id");

            JsonObject delivered = bobsSocket.awaitMessage(id, DELIVERY).getJsonObject("message");
            assertEquals("over the socket", delivered.getString("text"));
            assertEquals("alice", delivered.getJsonObject("sender").getString("id"));
            assertEquals("ws-1", delivered.getString("clientMessageId"));
            alicesSocket.awaitMessage(id, DELIVERY);
            alice.awaitStored(room, id);
        }
    }

    @Test
    void aFrameOverTheLimitClosesTheSocketAsTooBig() {
        try (RecordingSocket socket = alice.connect()) {
            socket.send("{\"type\":\"send\",\"room\":\"general\",\"text\":\"" + "x".repeat(70_000) + "\"}");
            Chat.await("the socket closed", DELIVERY, () -> socket.closeCode() == -1 ? null : true);
            assertEquals(1009, socket.closeCode());
        }
    }

    @Test
    void anInvalidWebSocketSendIsAnsweredWithAnErrorNamingTheField() {
        try (RecordingSocket socket = alice.connect()) {
            socket.send("{\"type\":\"send\",\"room\":\"Not A Room\",\"text\":\"x\",\"clientMessageId\":\"bad-1\"}");
            JsonObject error = socket.await("error", frame -> "error".equals(frame.getString("type")), DELIVERY);
            assertEquals(400, error.getInt("status"));
            assertEquals("bad-1", error.getString("clientMessageId"));
            assertTrue(error.getString("detail").startsWith("room:"), error.getString("detail"));

            socket.send("not json");
            socket.await("error for a frame that is not JSON",
                    frame -> "error".equals(frame.getString("type")) && !frame.containsKey("clientMessageId"), DELIVERY);
        }
    }

    @Test
    void aFrameOfAnUnknownTypeGetsAnErrorAndTheSocketStaysOpen() {
        try (RecordingSocket socket = alice.connect()) {
            socket.send("{\"type\":\"dance\",\"clientMessageId\":\"odd-1\"}");
            JsonObject unknown = socket.await("error for an unknown type",
                    frame -> "error".equals(frame.getString("type")) && "odd-1".equals(frame.getString("clientMessageId", null)), DELIVERY);
            assertEquals(400, unknown.getInt("status"));
            assertEquals("type: must be one of send, edit, delete, react, typing", unknown.getString("detail"));

            socket.send("{\"room\":\"general\",\"text\":\"no type\",\"clientMessageId\":\"odd-2\"}");
            socket.await("error for a frame without a type",
                    frame -> "error".equals(frame.getString("type")) && "odd-2".equals(frame.getString("clientMessageId", null)), DELIVERY);

            socket.send("{\"type\":\"send\",\"room\":\"general\",\"text\":\"still here\",\"clientMessageId\":\"odd-3\"}");
            JsonObject ack = socket.await("ack after the odd frames",
                    frame -> "ack".equals(frame.getString("type")) && "odd-3".equals(frame.getString("clientMessageId", null)), DELIVERY);
            socket.awaitMessage(ack.getString("id"), DELIVERY);
            assertFalse(socket.closed());
        }
    }

    @Test
    void aRetriedClientMessageIdGivesOneMessageStoredAndBroadcastOnce() {
        String room = Chat.freshRoom("retry");
        bob.join(room);
        String clientMessageId = "retry-" + UUID.randomUUID();
        try (RecordingSocket bobsSocket = bob.connect()) {
            JsonObject first = alice.post(room, "only once", clientMessageId);
            JsonObject retry = alice.post(room, "only once", clientMessageId);
            try (RecordingSocket alicesSocket = alice.connect()) {
                alicesSocket.send("{\"type\":\"send\",\"room\":\"" + room + "\",\"text\":\"only once\",\"clientMessageId\":\"" + clientMessageId + "\"}");
                JsonObject ack = alicesSocket.await("ack", frame -> "ack".equals(frame.getString("type")), DELIVERY);
                assertEquals(first.getString("id"), ack.getString("id"));
            }
            assertEquals(first, retry);

            // Same room, same partition: anything broadcast twice would arrive before this.
            JsonObject sentinel = alice.post(room, "sentinel");
            bobsSocket.awaitMessage(sentinel.getString("id"), DELIVERY);
            alice.awaitStored(room, sentinel.getString("id"));

            assertEquals(1, bobsSocket.countMessages(first.getString("id")));
            assertEquals(1, storedDocuments(first.getString("id")));
            List<JsonObject> history = alice.history(room, 50, null).getJsonArray("messages").getValuesAs(JsonObject.class);
            assertEquals(List.of(first.getString("id"), sentinel.getString("id")),
                    history.stream().map(message -> message.getString("id")).toList());
        }
    }

    @Test
    void everyClientSeesARoomsMessagesInHistoryOrder() {
        String room = Chat.freshRoom("order");
        bob.join(room);
        try (RecordingSocket bobsSocket = bob.connect()) {
            List<String> posted = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                posted.add(alice.post(room, "message " + i).getString("id"));
            }
            bobsSocket.awaitMessage(posted.get(9), DELIVERY);
            alice.awaitStored(room, posted.get(9));

            List<String> history = alice.history(room, 50, null).getJsonArray("messages").getValuesAs(JsonObject.class)
                    .stream().map(message -> message.getString("id")).toList();
            assertEquals(posted, bobsSocket.messageIdsIn(room));
            assertEquals(posted, history);
        }
    }
}
