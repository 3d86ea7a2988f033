package io.chatapp.load;

import io.chatapp.client.ChatClient;
import io.chatapp.client.Issuer;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat as the harness's users see it: signed in at the issuer, posting until accepted,
 * opening WebSockets. Posts honour {@code Retry-After} (429 and 503) and are sent again with
 * the same clientMessageId.
 */
final class ChatService {

    private final LoadOptions options;
    private final ChatClient client;
    private final List<String> tokens = new ArrayList<>();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();

    ChatService(LoadOptions options) {
        this.options = options;
        this.client = new ChatClient(options.url(), HttpClient.Version.HTTP_1_1, Duration.ofSeconds(30));
    }

    /**
     * Signs in {@code --users} distinct users, as real traffic would, so per-user limits apply as
     * in production, and makes each a member of the room, whose messages reach members only.
     */
    void signIn() throws IOException, InterruptedException {
        Issuer issuer = new Issuer(options.issuer().toString());
        for (int i = 0; i < options.users(); i++) {
            tokens.add(issuer.token(user(i), "load"));
        }
        int created = client.createRoom(token(0), options.room(), "public").statusCode();
        if (created != 201 && created != 409) {
            throw new IOException("creating room " + options.room() + " answered " + created);
        }
        for (int i = 0; i < options.users(); i++) {
            int joined = client.addMember(token(i), options.room(), user(i)).statusCode();
            if (joined != 204) {
                throw new IOException(user(i) + " joining " + options.room() + " answered " + joined);
            }
        }
    }

    private static String user(int i) {
        return "load-" + i;
    }

    String token(int user) {
        return tokens.get(Math.floorMod(user, tokens.size()));
    }

    /**
     * Posts until accepted, waiting as {@code Retry-After} says between attempts.
     *
     * @return the accepted message
     */
    JsonObject post(String token, String text, String clientMessageId) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = client.post(token, options.room(), text, clientMessageId);
            switch (response.statusCode()) {
                case 202 -> {
                    return ChatClient.parse(response.body());
                }
                case 429, 503 -> {
                    (response.statusCode() == 429 ? rateLimited : unavailable).incrementAndGet();
                    long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                }
                default -> throw new IOException("POST answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** Opens a WebSocket as the web app does: a fresh ticket, the app's own Origin. */
    CompletableFuture<WebSocket> connect(String token, WebSocket.Listener listener) throws IOException, InterruptedException {
        return client.connect(token, listener);
    }

    /**
     * A metric's value in the given scope (base, vendor, application): the sum over all its
     * series (such as the outcomes of a counter); empty when the server has none or no metrics.
     */
    OptionalLong metric(String name, String scope) throws InterruptedException {
        try {
            OptionalDouble sum = client.metrics(scope).sum(name);
            return sum.isPresent() ? OptionalLong.of((long) sum.getAsDouble()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
