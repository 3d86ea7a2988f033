package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what with a private room, as a matrix of roles (its creator, a member, a former
 * member, someone never in it) over every call and frame about it: insiders are answered,
 * outsiders get 404 for all of it (never 403: the room's existence does not leak), and nothing
 * of the room reaches an outsider's socket.
 */
@MicroShedTest
public class RoomAccessIT {

    private static final String ROOM = Chat.freshRoom("matrix");
    private static final Map<String, Chat> ROLES = new LinkedHashMap<>();
    private static final Map<String, RecordingSocket> SOCKETS = new LinkedHashMap<>();
    private static String messageId;

    @BeforeAll
    static void setUp() {
        Chat.awaitPipelineReady();
        String run = UUID.randomUUID().toString().substring(0, 6);
        Chat creator = Chat.present("creator-" + run);
        Chat member = Chat.present("member-" + run);
        Chat former = Chat.present("former-" + run);
        Chat outsider = Chat.present("outsider-" + run);
        creator.createRoom(ROOM, "private", member.user, former.user);
        assertEquals(204, creator.api.removeMember(ROOM, former.user).getStatus());
        ROLES.put("creator", creator);
        ROLES.put("member", member);
        ROLES.put("former member", former);
        ROLES.put("non-member", outsider);
        ROLES.forEach((role, chat) -> SOCKETS.put(role, chat.connect()));
        messageId = member.post(ROOM, "for members only").getString("id");
        member.awaitStored(ROOM, messageId);
    }

    @AfterAll
    static void closeSockets() {
        SOCKETS.values().forEach(RecordingSocket::close);
    }

    /** What a call answered. */
    private record Answer(int status, String body) {
        static Answer of(Response response) {
            return new Answer(response.getStatus(), response.readEntity(String.class));
        }

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body());
        }
    }

    private static boolean insider(String role) {
        return role.equals("creator") || role.equals("member");
    }

    @Test
    void everyCallAboutThePrivateRoomAnswersInsidersAnd404ForOutsiders() {
        Map<String, Function<Chat, Answer>> calls = new LinkedHashMap<>();
        calls.put("GET /api/rooms/{id}", chat -> Answer.of(chat.api.room(ROOM)));
        calls.put("GET /api/messages?room={id}", chat -> Answer.of(chat.api.history(ROOM, null, null)));
        calls.put("GET /api/messages/{message}", chat -> Answer.of(chat.api.message(messageId)));
        calls.put("POST /api/messages to the room", chat -> Answer.of(chat.api.post(Chat.body(ROOM, "from " + chat.user, null))));
        calls.put("PUT /api/rooms/{id}/members/{self}", chat -> Answer.of(chat.api.addMember(ROOM, chat.user)));
        calls.put("GET /api/messages?room={id}&after={message}", chat -> Answer.of(chat.historyWhere(ROOM, "after=" + messageId)));
        calls.put("GET /api/messages?room={id}&changedSince=…", chat -> Answer.of(chat.historyWhere(ROOM, "changedSince=2026-01-01T00:00:00Z")));
        calls.put("PUT /api/messages/{message}/reactions/{emoji}", chat -> Answer.of(chat.react(messageId, "👀", true)));
        calls.put("DELETE /api/messages/{message}/reactions/{emoji}", chat -> Answer.of(chat.react(messageId, "👀", false)));
        List<Executable> checks = new ArrayList<>();
        ROLES.forEach((role, chat) -> calls.forEach((call, send) -> {
            Answer answer = send.apply(chat);
            int status = answer.status();
            String body = answer.body();
            checks.add(() -> {
                if (insider(role)) {
                    assertEquals(2, status / 100, role + ": " + call + " answered " + status + " " + body);
                } else {
                    assertEquals(404, status, role + ": " + call + " answered " + status + " " + body);
                }
            });
        }));
        assertAll(checks);
    }

    @Test
    void removingSomeoneElseIsTheCreatorsAndOutsidersDoNotLearnTheRoomExists() {
        Map<String, Integer> expected = Map.of("creator", 204, "member", 403, "former member", 404, "non-member", 404);
        List<Executable> checks = new ArrayList<>();
        // A user who is not in the room: the creator's removal changes nothing, and the room stays as it was.
        ROLES.forEach((role, chat) -> {
            int status = chat.api.removeMember(ROOM, "never-in-" + ROOM).getStatus();
            checks.add(() -> assertEquals(expected.get(role), status, role + ": DELETE /api/rooms/{id}/members/{other}"));
        });
        assertAll(checks);
    }

    @Test
    void aSendFrameToThePrivateRoomIsAckedForInsidersAndAnErrorForOutsiders() {
        List<Executable> checks = new ArrayList<>();
        SOCKETS.forEach((role, socket) -> {
            String clientMessageId = "frame-" + role.replace(' ', '-') + "-" + UUID.randomUUID();
            socket.send(Json.createObjectBuilder().add("type", "send").add("room", ROOM).add("text", "frame from " + role)
                    .add("clientMessageId", clientMessageId).build().toString());
            JsonObject answer = socket.await("the answer to " + clientMessageId,
                    frame -> clientMessageId.equals(frame.getString("clientMessageId", null)), Duration.ofSeconds(10));
            checks.add(() -> {
                if (insider(role)) {
                    assertEquals("ack", answer.getString("type"), role + ": " + answer);
                } else {
                    assertEquals("error", answer.getString("type"), role + ": " + answer);
                    assertEquals(404, answer.getInt("status"), role + ": " + answer);
                }
            });
        });
        assertAll(checks);
    }

    @Test
    void nothingOfThePrivateRoomReachesAnOutsidersSocket() {
        SOCKETS.get("creator").awaitMessage(messageId, Duration.ofSeconds(10));
        SOCKETS.get("member").awaitMessage(messageId, Duration.ofSeconds(10));
        // A message of a public room they all joined, posted after it: once it has come, the
        // private room's message would have come before it.
        String room = Chat.freshRoom("after-matrix");
        ROLES.values().forEach(chat -> chat.join(room));
        String marker = ROLES.get("creator").post(room, "public marker").getString("id");
        List<Executable> checks = new ArrayList<>();
        SOCKETS.forEach((role, socket) -> {
            socket.awaitMessage(marker, Duration.ofSeconds(10));
            int received = socket.messageIdsIn(ROOM).size();
            checks.add(() -> {
                if (insider(role)) {
                    assertTrue(received > 0, role + " received none of the room's messages");
                } else {
                    assertEquals(0, received, role + " received messages of the private room");
                }
            });
        });
        assertAll(checks);
    }
}
