package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of hostile requests (a generated corpus, {@link HostileInput}) against the running
 * server: none may get a 5xx or a stack trace, what is accepted must be stored exactly as
 * answered, and the server must serve everyone normally afterwards.
 */
@MicroShedTest
public class HostileInputIT {

    private static final int BODIES = 10_000;
    private static final int QUERIES = 1_000;
    private static final int FRAMES = 500;
    private static final int ROOM_CALLS = 500;
    private static final int USERS = 50;
    private static final Set<Integer> EXPECTED = Set.of(200, 201, 202, 204, 400, 403, 404, 405, 409, 413, 415, 429);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> TOKENS = new ArrayList<>();
    /** A stored message, which the corpus tries to edit and react to. */
    private static String target;

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    /** What was accepted, by the user whose token posted it. */
    private final List<Map.Entry<String, JsonObject>> accepted = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void signIn() {
        // Many users, so that per-user posting limits leave room for the inputs that are valid.
        IntStream.range(0, USERS).forEach(i -> TOKENS.add(DevIssuer.token("hostile-" + i)));
        Chat.awaitPipelineReady();
        Chat owner = Chat.as("hostile-0");
        target = owner.post("general", "edit me if you can").getString("id");
        owner.awaitStored("general", target);
    }

    @Test
    void noHostileInputBreaksTheServerOrWhatItStores() throws Exception {
        List<HostileInput.Body> bodies = new HostileInput(20261125L).bodies(BODIES);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < bodies.size(); i++) {
            HostileInput.Body body = bodies.get(i);
            int user = i % USERS;
            senders.execute(() -> post(body, "hostile-" + user, TOKENS.get(user)));
        }
        for (int i = 0; i < QUERIES; i++) {
            String query = hostileQuery(bodies.get(i));
            String token = TOKENS.get(i % TOKENS.size());
            senders.execute(() -> read(query, token));
        }
        for (int i = 0; i < ROOM_CALLS; i++) {
            HostileInput.Body body = bodies.get(BODIES - 1 - i);
            String token = TOKENS.get(i % TOKENS.size());
            senders.execute(() -> roomCalls(body, token));
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(5, TimeUnit.MINUTES), "the corpus took longer than 5 minutes");
        int frames = sendFrames(bodies);

        System.out.printf("[security] hostile inputs tried: %d (%d request bodies, %d history queries, %d room calls, "
                + "%d WebSocket frames); answers by status %s%n", BODIES + QUERIES + 6 * ROOM_CALLS + frames, BODIES, QUERIES,
                6 * ROOM_CALLS, frames, new TreeMap<>(statuses));
        assertTrue(problems.isEmpty(), problems.size() + " bad answers, e.g. " + problems.subList(0, Math.min(5, problems.size())));

        // Still serving: live, and a normal message goes all the way through.
        assertEquals(200, Http.get("/health/live", null).statusCode());
        Chat alice = Chat.as("alice");
        String id = alice.post("general", "still here after the hostile corpus").getString("id");
        assertEquals("still here after the hostile corpus", alice.awaitStored("general", id).getString("text"));

        // What was accepted came from the token's user, whatever the body claimed, and is
        // stored exactly as the server answered it.
        for (Map.Entry<String, JsonObject> entry : accepted) {
            assertEquals(entry.getKey(), entry.getValue().getJsonObject("sender").getString("id"), entry.getValue().toString());
            assertTrue(!entry.getValue().getString("id").equals("00000000-0000-0000-0000-000000000000"), entry.getValue().toString());
        }
        for (JsonObject message : accepted.subList(0, Math.min(100, accepted.size())).stream().map(Map.Entry::getValue).toList()) {
            JsonObject stored = Chat.await("message " + message.getString("id") + " stored", Duration.ofSeconds(30), () -> {
                HttpResponse<String> response = Http.get("/api/messages/" + message.getString("id"), TOKENS.get(0));
                return response.statusCode() == 200 ? (JsonObject) Chat.parse(response.body()) : null;
            });
            assertEquals(message, stored);
        }
    }

    private void post(HostileInput.Body body, String user, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestStack.server().resolve("/api/messages"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (!body.contentType().isEmpty()) {
            request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response = send(request.build(), body.preview());
        if (response != null && response.statusCode() == 202) {
            accepted.add(Map.entry(user, (JsonObject) Chat.parse(response.body())));
        }
    }

    /**
     * The calls about rooms and messages with a hostile body's content: as a new room's body (its
     * room as the id), as a direct room's (as the user id), as an edit of a stored message, and as
     * the room, user, message and emoji of a path.
     */
    private void roomCalls(HostileInput.Body body, String token) {
        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        for (String[] call : new String[][] {{"/api/rooms", "\"id\""}, {"/api/direct", "\"userId\""}}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(TestStack.server().resolve(call[0])).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(text.replace("\"room\"", call[1])));
            if (!body.contentType().isEmpty()) {
                request.header("Content-Type", body.contentType());
            }
            send(request.build(), "POST " + call[0] + " " + body.preview());
        }
        // Control characters in a path are refused by Liberty's web container itself, before the
        // application, with a page of its own (CWWWC0005I): the path junk is the printable rest.
        String printable = text.codePoints().filter(point -> !Character.isISOControl(point))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String junk = printable.length() > 300 ? printable.substring(0, 300) : printable;
        String segment = URLEncoder.encode(junk, StandardCharsets.UTF_8).replace("+", "%20");
        send(HttpRequest.newBuilder(TestStack.server().resolve("/api/rooms/" + segment)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), "GET /api/rooms/" + body.preview());
        send(HttpRequest.newBuilder(TestStack.server().resolve("/api/rooms/" + segment + "/members/" + segment))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), "PUT /api/rooms/{junk}/members/{junk} " + body.preview());
        HttpRequest.Builder edit = HttpRequest.newBuilder(TestStack.server().resolve("/api/messages/" + target)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (!body.contentType().isEmpty()) {
            edit.header("Content-Type", body.contentType());
        }
        send(edit.build(), "PATCH /api/messages/{id} " + body.preview());
        send(HttpRequest.newBuilder(TestStack.server().resolve("/api/messages/" + target + "/reactions/" + segment))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), "PUT /api/messages/{id}/reactions/{junk} " + body.preview());
    }

    private void read(String query, String token) {
        send(HttpRequest.newBuilder(TestStack.server().resolve("/api/messages?" + query)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), "GET ?" + query);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            String body = response.body();
            if (!EXPECTED.contains(status) && !(status == 200 && request.method().equals("GET"))) {
                problems.add(status + " for " + what + ": " + body);
            } else if (status >= 400 && (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    || body.contains("Exception") || body.contains("\tat ") || body.contains("at io.") || body.contains("java."))) {
                problems.add(status + " without a clean problem+json for " + what + ": " + body);
            }
            return response;
        } catch (Exception e) {
            problems.add("no answer for " + what + ": " + e);
            return null;
        }
    }

    /** A history query built from a hostile body's text: odd rooms, limits and cursors. */
    private static String hostileQuery(HostileInput.Body body) {
        String junk = new String(body.bytes(), StandardCharsets.UTF_8);
        junk = junk.length() > 3000 ? junk.substring(0, 3000) : junk;
        String encoded = URLEncoder.encode(junk, StandardCharsets.UTF_8);
        return switch (Math.floorMod(junk.hashCode(), 6)) {
            case 0 -> "room=" + encoded;
            case 1 -> "room=general&limit=" + encoded;
            case 2 -> "room=general&before=" + encoded;
            case 3 -> "room=general&after=" + encoded;
            case 4 -> "room=general&changedSince=" + encoded;
            default -> "room=general&limit=-1&before=&room=" + encoded;
        };
    }

    /**
     * Sends hostile text frames over WebSockets, a burst's worth on each (more on one would be
     * closed as a flood, by design): each must be answered by an ack or a 4xx error frame.
     */
    private int sendFrames(List<HostileInput.Body> bodies) {
        List<String> frames = bodies.stream().map(body -> new String(body.bytes(), StandardCharsets.UTF_8))
                // The socket takes UTF-8 text frames of at most 64 KiB; bigger ones close it (1009), by design.
                .filter(text -> !text.contains("\uFFFD") && text.length() <= 16_000).limit(FRAMES).toList();
        int perSocket = 25;
        for (int from = 0; from < frames.size(); from += perSocket) {
            List<String> batch = frames.subList(from, Math.min(frames.size(), from + perSocket));
            try (RecordingSocket socket = Chat.as("hostile-frames-" + (from / perSocket)).connect()) {
                batch.forEach(socket::send);
                socket.await("an answer to each of " + batch.size() + " frames", frame -> socket.count(f -> f.containsKey("status")
                        || "ack".equals(f.getString("type", null))) >= batch.size(), Duration.ofSeconds(30));
                long serverErrors = socket.count(frame -> frame.containsKey("status") && frame.getInt("status") >= 500);
                if (serverErrors > 0) {
                    problems.add(serverErrors + " WebSocket error frames with a 5xx status");
                }
            }
        }
        return frames.size();
    }
}
