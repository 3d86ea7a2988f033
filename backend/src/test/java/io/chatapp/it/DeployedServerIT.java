package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One way of deploying the chat, as a user meets it: the web app and its settings are served,
 * strangers get MP-JWT's challenge and the log says why a token was refused (redacted; the
 * script then checks that no log holds anything token-shaped), and two
 * signed-in users talk: a post reaches the other's WebSocket and history. Run by
 * {@code scripts/test_deploy.sh} once per deployment path ({@code deploy.path}) against a server
 * started that way; {@code deploy.logs} is that server's logs folder.
 */
public class DeployedServerIT {

    private static final String PATH = System.getProperty("deploy.path", "server");
    private static final String MP_JWT_CHALLENGE = "Bearer realm=\"MP-JWT\"";

    @BeforeAll
    static void serverIsUp() {
        Chat.awaitPipelineReady();
    }

    @Test
    void servesTheWebAppAndItsRunTimeSettings() {
        HttpResponse<String> page = Http.get("/", null);
        assertEquals(200, page.statusCode(), PATH + ": GET /");
        assertTrue(page.body().contains("id=\"app\""), PATH + ": the web app's page: " + page.body());

        HttpResponse<String> config = Http.get("/config.js", null);
        assertEquals(200, config.statusCode(), PATH + ": GET /config.js");
        assertTrue(config.body().contains("window.__CHATAPP_CONFIG__") && config.body().contains(TestStack.issuer()),
                PATH + ": config.js names the issuer: " + config.body());
    }

    /** Kafka's part answered by a client of the server's own, which must get in as the channels do (TLS and SASL on one path). */
    @Test
    void isReadyWithKafkaAndMongoDbUpOnceWarmedUp() {
        HttpResponse<String> ready = Http.get("/health/ready", null);
        assertEquals(200, ready.statusCode(), PATH + ": /health/ready " + ready.body());
        JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
        for (String check : List.of("kafka", "mongodb", "broadcast", "warm-up")) {
            assertTrue(health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .anyMatch(entry -> check.equals(entry.getString("name")) && "UP".equals(entry.getString("status"))),
                    PATH + ": " + check + " is not UP in " + ready.body());
        }
        // UP also when its time ran out: its clients must have found this server's port and received frames.
        JsonObject warmUp = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(entry -> "warm-up".equals(entry.getString("name"))).findFirst().orElseThrow().getJsonObject("data");
        assertTrue(warmUp.getJsonNumber("frames").longValue() > 0, PATH + ": the warm-up's clients received nothing: " + warmUp);
    }

    @Test
    void strangersGetTheMpJwtChallenge() {
        for (String token : new String[] {null, "not-a-token"}) {
            HttpResponse<String> refused = Http.get("/api/rooms", token);
            assertEquals(401, refused.statusCode(), PATH + ": GET /api/rooms with token " + token);
            String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("none");
            assertTrue(challenge.startsWith(MP_JWT_CHALLENGE), PATH + ": challenge " + challenge);
        }
    }

    @Test
    void aRefusedTokenIsRefusedWithItsReasonInTheLog() {
        ServerLogs logs = ServerLogs.of("deploy.logs");
        HttpResponse<String> forged = Http.get("/api/rooms", IssuedSecrets.record(DevIssuer.tokenWithBadSignature("alice")));
        assertEquals(401, forged.statusCode(), PATH + ": a token with a broken signature");
        assertTrue(forged.headers().firstValue("WWW-Authenticate").orElse("none").startsWith(MP_JWT_CHALLENGE));
        logs.awaitLine("why the forged token was refused", Pattern.compile("CWWKS5523E.*\\[token redacted\\]"));

        HttpResponse<String> expired = Http.get("/api/rooms", IssuedSecrets.record(DevIssuer.expiredToken()));
        assertEquals(401, expired.statusCode(), PATH + ": an expired token");
        logs.awaitLine("why the expired token was refused", Pattern.compile("CWWKS6025E"));
    }

    @Test
    void signedInUsersTalkLiveAndFindItInHistory() {
        Chat alice = Chat.as("alice");
        Chat bob = Chat.as("bob");
        String room = Chat.freshRoom("deploy");
        bob.join(room);
        try (RecordingSocket bobsSocket = bob.connect()) {
            JsonObject posted = alice.post(room, "Hello from " + PATH);
            String id = posted.getString("id");

            JsonObject received = bobsSocket.awaitMessage(id, Duration.ofSeconds(10)).getJsonObject("message");
            assertEquals("Hello from " + PATH, received.getString("text"));
            assertEquals(room, received.getString("room"));

            JsonObject stored = bob.awaitStored(room, id);
            assertEquals("Hello from " + PATH, stored.getString("text"));
            assertEquals(200, bob.api.message(id).getStatus(), PATH + ": GET /api/messages/" + id);
        }
    }

    @Test
    void theAccessLogHasTheRequestsButNeitherTicketNorToken() {
        ServerLogs logs = ServerLogs.of("deploy.logs");
        Chat alice = Chat.as("alice");
        try (RecordingSocket socket = alice.connect()) {
            assertEquals(200, Http.get("/api/rooms", alice.token).statusCode(), PATH + ": GET /api/rooms");
        }
        logs.awaitAccessLine("the WebSocket's handshake", Pattern.compile("\"GET /ws/chat HTTP/1\\.1\""));
        logs.awaitAccessLine("the signed-in GET", Pattern.compile("\"GET /api/rooms HTTP/1\\.1\" 200 "));
        for (String line : logs.accessLog()) {
            assertFalse(line.contains("?") || line.contains("ticket=") || line.contains("eyJ"), PATH + ": the access log holds " + line);
        }
    }

    /** Where the console is JSON (deploy.console names its output): a log collector's lines, the access log among them. */
    @Test
    void aJsonConsoleIsOneEventALineTheAccessLogAmongThem() {
        String console = System.getProperty("deploy.console", "");
        Assumptions.assumeFalse(console.isBlank(), PATH + "'s console is Liberty's plain text");
        Chat alice = Chat.as("alice");
        try (RecordingSocket socket = alice.connect()) {
            assertEquals(200, Http.get("/api/rooms", alice.token).statusCode(), PATH + ": GET /api/rooms");
        }
        JsonObject handshake = Chat.await("the WebSocket's handshake as a JSON access log event on the console", Duration.ofSeconds(15),
                () -> jsonEvents(Path.of(console)).stream().filter(event -> "liberty_accesslog".equals(event.getString("type", null))
                        && "/ws/chat".equals(event.getString("ibm_uriPath", null))).findFirst().orElse(null));
        assertEquals("GET", handshake.getString("ibm_requestMethod"), handshake.toString());
        List<JsonObject> events = jsonEvents(Path.of(console));
        assertTrue(events.stream().anyMatch(event -> "liberty_message".equals(event.getString("type", null))
                && event.getString("message", "").startsWith("CWWKF0011I")), PATH + ": no JSON event says the server is ready");
        for (JsonObject event : events) {
            assertFalse(event.containsKey("ibm_queryString") || event.toString().contains("ticket=") || event.toString().contains("eyJ"),
                    PATH + ": the console holds " + event);
        }
    }

    /** The console's lines that are JSON, each parsed; a line that starts as JSON and is not fails the test. */
    private static List<JsonObject> jsonEvents(Path console) {
        return ServerLogs.lines(console).stream().filter(line -> line.startsWith("{"))
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
    }
}
