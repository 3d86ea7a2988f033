package io.chatapp.client;

import jakarta.json.JsonObject;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /ws/chat} that keeps every frame it receives, for checking what
 * a user would have seen. Waiting for a frame that never comes fails with an
 * {@link AssertionError} that lists what did come.
 */
public final class RecordingSocket implements WebSocket.Listener, AutoCloseable {

    private final List<JsonObject> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private RecordingSocket() {
    }

    /**
     * Opens a socket with the ticket and the Origin given.
     *
     * @throws IllegalStateException when the handshake fails
     */
    public static RecordingSocket open(ChatClient client, String ticket, String origin) {
        RecordingSocket recorder = new RecordingSocket();
        try {
            recorder.socket = client.openSocket(ticket, origin, recorder).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("handshake failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no handshake within 10 s", e);
        }
        return recorder;
    }

    /** The HTTP status the server answers a handshake with: 101 when it upgrades. */
    public static int handshakeStatus(ChatClient client, String ticket, String origin) throws Exception {
        try {
            client.openSocket(ticket, origin, new RecordingSocket()).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Waits for a frame that matches, among all received so far and those to come. */
    public JsonObject await(String what, Predicate<JsonObject> match, Duration timeout) {
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
                    throw new AssertionError("no frame with " + what + " within " + timeout.toSeconds() + " s; received " + frames);
                }
                try {
                    frames.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for a frame with " + what);
                }
            }
        }
    }

    public JsonObject awaitMessage(String id, Duration timeout) {
        return await("message " + id, frame -> isMessage(frame, id), timeout);
    }

    /** Waits for a {@code presence} frame saying the user is {@code online} or {@code offline}. */
    public JsonObject awaitPresence(String userId, String status, Duration timeout) {
        return await(userId + " " + status, frame -> isPresence(frame, userId, status), timeout);
    }

    public long countPresence(String userId, String status) {
        return count(frame -> isPresence(frame, userId, status));
    }

    private static boolean isPresence(JsonObject frame, String userId, String status) {
        return "presence".equals(frame.getString("type", null)) && status.equals(frame.getString("status", null))
                && userId.equals(frame.getJsonObject("user").getString("id", null));
    }

    public long count(Predicate<JsonObject> match) {
        synchronized (frames) {
            return frames.stream().filter(match).count();
        }
    }

    public long countMessages(String id) {
        return count(frame -> isMessage(frame, id));
    }

    private static boolean isMessage(JsonObject frame, String id) {
        return "message".equals(frame.getString("type", null)) && id.equals(frame.getJsonObject("message").getString("id"));
    }

    /** The ids of the messages of a room received so far, in the order received. */
    public List<String> messageIdsIn(String room) {
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
            JsonObject frame = ChatClient.parse(partial.toString());
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
    public boolean closed() {
        return closed.isDone();
    }

    /** The close code the server sent, or -1 while open or when the connection failed without one. */
    public int closeCode() {
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
