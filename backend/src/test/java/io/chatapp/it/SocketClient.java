package io.chatapp.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A WebSocket client of {@code /ws/chat} (the JDK's own) that keeps every frame it receives. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonObject> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static URI uri(URI server, String ticket) {
        String query = ticket == null ? "" : "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
        return URI.create(server.toString().replaceFirst("^http", "ws") + "/ws/chat" + query);
    }

    static SocketClient connect(String ticket, String origin) {
        return connect(TestStack.server(), ticket, origin);
    }

    /** Connects to the given server, whose own address is the allowed Origin. */
    static SocketClient connect(URI server, String ticket) {
        return connect(server, ticket, server.toString());
    }

    private static SocketClient connect(URI server, String ticket, String origin) {
        SocketClient client = new SocketClient();
        try {
            client.socket = open(server, ticket, origin, client).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            fail("handshake failed: " + e);
        }
        return client;
    }

    /** The HTTP status the server answers a handshake with: 101 when it upgrades. */
    static int handshakeStatus(String ticket, String origin) throws Exception {
        SocketClient client = new SocketClient();
        try {
            WebSocket socket = open(TestStack.server(), ticket, origin, client).get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static CompletableFuture<WebSocket> open(URI server, String ticket, String origin, SocketClient listener) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(uri(server, ticket), listener);
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Waits for a frame that matches, among all received so far and those to come. */
    JsonObject await(String what, Predicate<JsonObject> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (frames) {
            while (true) {
                for (JsonObject frame : frames) {
                    if (match.test(frame)) {
                        return frame;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    fail("no frame with " + what + " within " + timeout.toSeconds() + " s; received " + frames);
                }
                try {
                    frames.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    JsonObject awaitMessage(String id, Duration timeout) {
        return await("message " + id, frame -> "message".equals(frame.getString("type", null))
                && id.equals(frame.getJsonObject("message").getString("id")), timeout);
    }

    long count(Predicate<JsonObject> match) {
        synchronized (frames) {
            return frames.stream().filter(match).count();
        }
    }

    long countMessages(String id) {
        return count(frame -> "message".equals(frame.getString("type", null))
                && id.equals(frame.getJsonObject("message").getString("id")));
    }

    /** The ids of the messages of a room received so far, in the order received. */
    List<String> messageIdsIn(String room) {
        synchronized (frames) {
            return frames.stream()
                    .filter(frame -> "message".equals(frame.getString("type", null)))
                    .map(frame -> frame.getJsonObject("message"))
                    .filter(message -> room.equals(message.getString("room")))
                    .map(message -> message.getString("id"))
                    .toList();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = (JsonObject) Chat.parse(partial.toString());
            partial.setLength(0);
            synchronized (frames) {
                frames.add(frame);
                frames.notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    /** Whether the server closed the connection or it failed. */
    boolean closed() {
        return closed.isDone();
    }

    /** The close code the server sent, or -1 while open or when the connection failed without one. */
    int closeCode() {
        return closed.isDone() && !closed.isCompletedExceptionally() ? closed.join() : -1;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
