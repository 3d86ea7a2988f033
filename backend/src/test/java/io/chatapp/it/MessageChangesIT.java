package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages that change, as their users see them: the sender edits and deletes, anyone in the room
 * reacts and replies, the text names members; every member's socket gets the new state, history
 * keeps the latest one, and a client that was away catches up with {@code after} and
 * {@code changedSince}. What is refused changes nothing and reaches no socket.
 */
@MicroShedTest
public class MessageChangesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String ROOM = Chat.freshRoom("changes");
    private static Chat alice;
    private static Chat bob;
    private static RecordingSocket bobsSocket;

    @BeforeAll
    static void setUp() {
        Chat.awaitPipelineReady();
        alice = Chat.present("alice-" + RUN);
        bob = Chat.present("bob-" + RUN);
        alice.join(ROOM);
        bob.join(ROOM);
        bobsSocket = bob.connect();
    }

    @AfterAll
    static void closeSocket() {
        bobsSocket.close();
    }

    /** A message of alice's, stored. */
    private static String posted(String text) {
        String id = alice.post(ROOM, text).getString("id");
        alice.awaitStored(ROOM, id);
        return id;
    }

    private static JsonObject updateOf(RecordingSocket socket, String id, int version) {
        return socket.await("message.updated " + id + " v" + version, frame -> "message.updated".equals(frame.getString("type", null))
                && frame.getJsonObject("message").getString("id").equals(id)
                && frame.getJsonObject("message").getInt("version") == version, WAIT).getJsonObject("message");
    }

    private static long updatesOf(RecordingSocket socket, String id) {
        return socket.count(frame -> "message.updated".equals(frame.getString("type", null))
                && frame.getJsonObject("message").getString("id").equals(id));
    }

    private static JsonObject stored(String id) {
        return alice.awaitStored(ROOM, id);
    }

    @Test
    void anEditReachesTheRoomAndHistoryKeepsTheLatestText() {
        String id = posted("helo");
        HttpResponse<String> edited = alice.edit(id, "  hello  ");
        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject answer = (JsonObject) Chat.parse(edited.body());
        assertEquals("hello", answer.getString("text"));
        assertEquals(2, answer.getInt("version"));
        assertTrue(answer.containsKey("editedAt"));

        JsonObject live = updateOf(bobsSocket, id, 2);
        assertEquals("hello", live.getString("text"));
        assertEquals(answer.getString("editedAt"), live.getString("editedAt"));
        Chat.await("the edit in history", WAIT, () -> stored(id).getInt("version") == 2 ? true : null);
        assertEquals("hello", stored(id).getString("text"));
    }

    @Test
    void aDeletedMessageStaysInHistoryAsATombstone() {
        String before = posted("before");
        String id = posted("take this back");
        String after = posted("after");
        HttpResponse<String> deleted = alice.deleteMessage(id);
        assertEquals(204, deleted.statusCode(), deleted.body());

        JsonObject live = updateOf(bobsSocket, id, 2);
        assertTrue(live.getBoolean("deleted"));
        assertEquals("", live.getString("text"));
        Chat.await("the tombstone in history", WAIT, () -> stored(id).getBoolean("deleted", false) ? true : null);
        List<String> order = Chat.messagesOf(alice.historyWhere(ROOM, "limit=200")).stream().map(m -> m.getString("id"))
                .filter(m -> List.of(before, id, after).contains(m)).toList();
        assertEquals(List.of(before, id, after), order, "the tombstone keeps its place");
        assertEquals(409, alice.edit(id, "again").statusCode(), "a deleted message cannot be edited");
        assertEquals(409, bob.react(id, "👍", true).statusCode(), "nor reacted to");
        assertEquals(204, alice.deleteMessage(id).statusCode(), "deleting it again changes nothing");
        assertEquals(2, stored(id).getInt("version"));
    }

    @Test
    void reactionsAreIdempotentAndCountWhoReacted() {
        String id = posted("lunch?");
        assertEquals(204, bob.react(id, "👍", true).statusCode());
        assertEquals(204, bob.react(id, "👍", true).statusCode());
        assertEquals(204, alice.react(id, "👍", true).statusCode());
        assertEquals(204, alice.react(id, "🇫🇷", true).statusCode(), "a flag is one emoji");

        JsonObject live = updateOf(bobsSocket, id, 4);
        assertEquals(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("emoji", "👍").add("count", 2).add("users", Json.createArrayBuilder().add(bob.user).add(alice.user)))
                .add(Json.createObjectBuilder().add("emoji", "🇫🇷").add("count", 1).add("users", Json.createArrayBuilder().add(alice.user)))
                .build(), live.getJsonArray("reactions"));

        assertEquals(204, bob.react(id, "👍", false).statusCode());
        assertEquals(204, bob.react(id, "👍", false).statusCode(), "taking it off again is no change");
        JsonObject takenOff = updateOf(bobsSocket, id, 5);
        assertEquals(1, takenOff.getJsonArray("reactions").getJsonObject(0).getInt("count"));
        Chat.await("the reactions in history", WAIT, () -> stored(id).getInt("version") == 5 ? true : null);
        assertEquals(takenOff.getJsonArray("reactions"), stored(id).getJsonArray("reactions"));
    }

    @Test
    void whatIsRefusedChangesNothingAndReachesNoSocket() {
        String id = posted("mine");
        String privateRoom = Chat.freshRoom("changes-private");
        alice.createRoom(privateRoom, "private");
        String hidden = alice.post(privateRoom, "members only").getString("id");
        alice.awaitStored(privateRoom, hidden);
        String unknown = UUID.randomUUID().toString();

        assertStatus(403, bob.edit(id, "not yours"), "editing another's message");
        assertStatus(403, bob.deleteMessage(id), "deleting another's message");
        assertStatus(404, bob.edit(hidden, "x"), "editing in a room one cannot see");
        assertStatus(404, bob.react(hidden, "👍", true), "reacting in a room one cannot see");
        assertStatus(404, alice.edit(unknown, "x"), "an unknown message");
        assertField(alice.edit("not-an-id", "x"), "id");
        assertField(alice.edit(id, "   "), "text");
        assertField(alice.edit(id, "x".repeat(4001)), "text");
        assertField(bob.react(id, "ab", true), "emoji");
        assertField(bob.react(id, "👍👍", true), "emoji");
        assertField(bob.react(id, "<b>", true), "emoji");

        // A change of the same message made after the refusals: once it has come, any refused one would have come before it.
        assertEquals(204, alice.react(id, "✅", true).statusCode());
        updateOf(bobsSocket, id, 2);
        assertEquals(1, updatesOf(bobsSocket, id), "only the accepted change reached the socket");
        assertEquals(0, updatesOf(bobsSocket, hidden));
        JsonObject after = Chat.await("the reaction in history", WAIT, () -> stored(id).getInt("version") == 2 ? stored(id) : null);
        assertEquals("mine", after.getString("text"));
    }

    @Test
    void framesEditDeleteAndReactLikeTheirRestCalls() {
        String id = posted("by frame");
        try (RecordingSocket alicesSocket = alice.connect()) {
            assertEquals("ack", answer(alicesSocket, Json.createObjectBuilder().add("type", "edit").add("id", id).add("text", "edited by frame")));
            updateOf(bobsSocket, id, 2);
            assertEquals("ack", answer(bobsSocket, Json.createObjectBuilder().add("type", "react").add("id", id).add("emoji", "🎉").add("on", true)));
            assertEquals("🎉", updateOf(alicesSocket, id, 3).getJsonArray("reactions").getJsonObject(0).getString("emoji"));
            JsonObject refused = frameAnswer(bobsSocket, Json.createObjectBuilder().add("type", "delete").add("id", id));
            assertEquals(403, refused.getInt("status"), refused.toString());
            assertEquals("ack", answer(alicesSocket, Json.createObjectBuilder().add("type", "delete").add("id", id)));
            assertTrue(updateOf(bobsSocket, id, 4).getBoolean("deleted"));
        }
    }

    @Test
    void aReplyNamesAMessageOfItsRoomAndMentionsNameMembers() {
        String question = posted("who reviews?");
        JsonObject reply = bob.post(ROOM, "me, and @" + alice.user + " too; not @nobody-" + RUN, null);
        JsonObject stored = Chat.await("the reply stored", WAIT, () -> Chat.messagesOf(bob.historyWhere(ROOM, "after=" + question)).stream()
                .filter(m -> m.getString("id").equals(reply.getString("id"))).findFirst().orElse(null));
        assertFalse(stored.containsKey("replyTo"), "a message that answers none has no replyTo");
        assertEquals(List.of(alice.user), stored.getJsonArray("mentions").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());

        String body = Json.createObjectBuilder().add("room", ROOM).add("text", "agreed").add("replyTo", question).build().toString();
        JsonObject threaded = Chat.object(bob.api.post(body));
        assertEquals(question, threaded.getString("replyTo"));
        assertEquals(question, bobsSocket.awaitMessage(threaded.getString("id"), WAIT).getJsonObject("message").getString("replyTo"));

        String elsewhere = Chat.freshRoom("changes-other");
        bob.join(elsewhere);
        String otherRoom = Json.createObjectBuilder().add("room", elsewhere).add("text", "x").add("replyTo", question).build().toString();
        assertField(Http.postJson("/api/messages", otherRoom, bob.token), "replyTo");
        String unknown = Json.createObjectBuilder().add("room", ROOM).add("text", "x").add("replyTo", UUID.randomUUID().toString()).build().toString();
        assertField(Http.postJson("/api/messages", unknown, bob.token), "replyTo");
    }

    @Test
    void aClientThatWasAwayCatchesUpWithWhatCameAndWhatChanged() {
        String seen = posted("seen before leaving");
        String edited = posted("to be edited");
        Instant left = Instant.now();
        Chat.await("a moment after leaving", WAIT, () -> Instant.now().isAfter(left.plusMillis(5)) ? true : null);
        assertEquals(200, alice.edit(edited, "edited while away").statusCode());
        assertEquals(204, alice.deleteMessage(seen).statusCode());
        String fresh = posted("new while away");

        Chat.await("both changes stored", WAIT, () -> stored(edited).getInt("version") == 2 && stored(seen).getInt("version") == 2 ? true : null);
        List<JsonObject> changed = Chat.messagesOf(bob.historyWhere(ROOM, "changedSince=" + left));
        assertEquals(List.of(seen, edited), changed.stream().map(m -> m.getString("id")).filter(m -> m.equals(seen) || m.equals(edited)).toList());
        assertTrue(changed.stream().noneMatch(m -> m.getString("id").equals(fresh)), "a message never changed is not a change");
        assertTrue(Chat.messagesOf(bob.historyWhere(ROOM, "after=" + edited)).stream().anyMatch(m -> m.getString("id").equals(fresh)));
        assertTrue(Chat.messagesOf(bob.historyWhere(ROOM, "after=" + edited)).stream().noneMatch(m -> m.getString("id").equals(edited)),
                "after= starts after the message named");

        assertField(bob.historyWhere(ROOM, "changedSince=yesterday"), "changedSince");
        assertField(bob.historyWhere(ROOM, "changedSince=2026-13-01T00:00:00Z"), "changedSince");
        assertField(bob.historyWhere(ROOM, "after=" + UUID.randomUUID()), "after");
        assertField(bob.historyWhere(ROOM, "after=" + edited + "&before=" + edited), "after");
    }

    private static String answer(RecordingSocket socket, jakarta.json.JsonObjectBuilder frame) {
        JsonObject answer = frameAnswer(socket, frame);
        return answer.getString("type") + ("error".equals(answer.getString("type")) ? " " + answer : "");
    }

    private static JsonObject frameAnswer(RecordingSocket socket, jakarta.json.JsonObjectBuilder frame) {
        String clientMessageId = "change-" + UUID.randomUUID();
        socket.send(frame.add("clientMessageId", clientMessageId).build().toString());
        return socket.await("the answer to " + clientMessageId, f -> clientMessageId.equals(f.getString("clientMessageId", null)), WAIT);
    }

    private static void assertStatus(int expected, HttpResponse<String> response, String what) {
        assertEquals(expected, response.statusCode(), what + ": " + response.body());
    }

    /** A 400 problem naming the field. */
    private static void assertField(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.headers().toString());
        List<String> named = ((JsonObject) Chat.parse(response.body())).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of(field), named, response.body());
    }
}
