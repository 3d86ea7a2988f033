package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.core.Response;
import org.awaitility.Awaitility;
import org.microshed.testing.jaxrs.RestClientBuilder;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One signed-in user of the chat: their API client (MicroShed Testing) and their WebSockets. */
final class Chat {

    final String user;
    final String token;
    final ChatApi api;

    private Chat(String user, String token) {
        this.user = user;
        this.token = token;
        this.api = new RestClientBuilder().withJaxrsPath("/api").withJwt(token).build(ChatApi.class);
    }

    static Chat as(String user) {
        return new Chat(user, DevIssuer.token(user));
    }

    /** Signs in and makes a first call, as the web app does: from then on the user is in the users directory. */
    static Chat present(String user) {
        Chat chat = as(user);
        assertEquals(200, chat.api.rooms().getStatus());
        return chat;
    }

    static String roomBody(String id, String visibility, String... members) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String member : members) {
            list.add(member);
        }
        return Json.createObjectBuilder().add("id", id).add("visibility", visibility).add("members", list).build().toString();
    }

    /** Creates a room and expects it created. */
    JsonObject createRoom(String id, String visibility, String... members) {
        Response response = api.createRoom(roomBody(id, visibility, members));
        assertEquals(201, response.getStatus(), () -> "POST /api/rooms answered " + response.getStatus() + ": "
                + response.readEntity(String.class));
        return object(response);
    }

    /**
     * Joins a public room, creating it when no one has: from now on its messages reach this
     * user's sockets.
     */
    void join(String room) {
        Response created = api.createRoom(roomBody(room, "public"));
        int status = created.getStatus();
        assertTrue(status == 201 || status == 409, () -> "creating " + room + " answered " + status);
        if (status == 409) {
            assertEquals(204, api.addMember(room, user).getStatus(), () -> user + " could not join " + room);
        }
    }

    /** The ids of the caller's rooms. */
    List<String> myRooms() {
        Response response = api.rooms();
        assertEquals(200, response.getStatus());
        return array(response).getValuesAs(JsonObject.class).stream().map(room -> room.getString("id")).toList();
    }

    private static volatile boolean pipelineReady;

    /**
     * Waits until the server is ready, as a load balancer would (its warm-up ends before that),
     * and a posted message comes back over a WebSocket: its broadcast consumer has joined its
     * group (it starts at the latest offset, so a message posted before then would never be
     * broadcast).
     */
    static synchronized void awaitPipelineReady() {
        if (pipelineReady) {
            return;
        }
        await("the server ready", Duration.ofSeconds(120), () -> Http.get("/health/ready", null).statusCode() == 200 ? true : null);
        Chat probe = as("warmup");
        try (RecordingSocket socket = probe.connect()) {
            await("a posted message back over a WebSocket", Duration.ofSeconds(120), () -> {
                String id = probe.post("it-warmup", "probe").getString("id");
                try {
                    return socket.awaitMessage(id, Duration.ofSeconds(3));
                } catch (AssertionError notYet) {
                    return null;
                }
            });
            pipelineReady = true;
        }
    }

    /** A room no other test uses. */
    static String freshRoom(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String room, String text, String clientMessageId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("room", room).add("text", text);
        if (clientMessageId != null) {
            body.add("clientMessageId", clientMessageId);
        }
        return body.build().toString();
    }

    /** Posts a message and expects it accepted. */
    JsonObject post(String room, String text) {
        return post(room, text, null);
    }

    JsonObject post(String room, String text, String clientMessageId) {
        Response response = api.post(body(room, text, clientMessageId));
        assertEquals(202, response.getStatus(), () -> "POST answered " + response.getStatus() + ": " + response.readEntity(String.class));
        return object(response);
    }

    JsonObject history(String room, Integer limit, String before) {
        Response response = api.history(room, limit, before);
        assertEquals(200, response.getStatus(), () -> "history answered " + response.getStatus() + ": " + response.readEntity(String.class));
        return object(response);
    }

    /** {@code PATCH /api/messages/{id}}: raw, so that tests see every status. */
    HttpResponse<String> edit(String id, String text) {
        return Http.send(Http.request("/api/messages/" + id, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("text", text).build().toString()))
                .build());
    }

    HttpResponse<String> deleteMessage(String id) {
        return Http.send(Http.request("/api/messages/" + id, token).DELETE().build());
    }

    /** Puts ({@code on}) or takes off an emoji: {@code PUT} or {@code DELETE /api/messages/{id}/reactions/{emoji}}. */
    HttpResponse<String> react(String id, String emoji, boolean on) {
        HttpRequest.Builder request = Http.request("/api/messages/" + id + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8), token);
        return Http.send((on ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE()).build());
    }

    /** {@code GET /api/messages?room=…&<query>}, raw. */
    HttpResponse<String> historyWhere(String room, String query) {
        return Http.get("/api/messages?room=" + room + "&" + query, token);
    }

    /** The messages of a history page answered 200. */
    static List<JsonObject> messagesOf(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), () -> "history answered " + page.statusCode() + ": " + page.body());
        return ((JsonObject) parse(page.body())).getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    String ticket() {
        Response response = api.ticket();
        assertEquals(200, response.getStatus());
        return IssuedSecrets.record(object(response).getString("ticket"));
    }

    RecordingSocket connect() {
        return RecordingSocket.open(TestStack.client(), ticket(), TestStack.origin());
    }

    /** Waits until the room's latest history page holds the message. */
    JsonObject awaitStored(String room, String id) {
        return await("message " + id + " in the history of " + room, Duration.ofSeconds(20), () -> {
            for (JsonObject message : history(room, 200, null).getJsonArray("messages").getValuesAs(JsonObject.class)) {
                if (message.getString("id").equals(id)) {
                    return message;
                }
            }
            return null;
        });
    }

    static JsonObject object(Response response) {
        return (JsonObject) parse(response.readEntity(String.class));
    }

    static JsonArray array(Response response) {
        return (JsonArray) parse(response.readEntity(String.class));
    }

    static JsonStructure parse(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    /** Polls until the supplier gives a value (not null), or fails after the timeout. */
    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .pollInSameThread().until(probe::get, Objects::nonNull);
    }
}
