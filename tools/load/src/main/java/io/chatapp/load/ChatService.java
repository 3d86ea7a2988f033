package io.chatapp.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat as its clients see it: users signed in at the issuer, posts, tickets and WebSockets.
 * HTTP/1.1, as browsers and ingress controllers speak to the server. Posts honour
 * {@code Retry-After} (429 and 503) and are sent again with the same clientMessageId.
 */
final class ChatService {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final LoadOptions options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> tokens = new ArrayList<>();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();

    ChatService(LoadOptions options) {
        this.options = options;
    }

    /** Signs in {@code --users} distinct users, as real traffic would, so per-user limits apply as in production. */
    void signIn() throws IOException, InterruptedException {
        for (int i = 0; i < options.users(); i++) {
            String form = "grant_type=password&scope=" + URLEncoder.encode("openid profile email", StandardCharsets.UTF_8)
                    + "&client_id=chatapp&username=load-" + i + "&password=load";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.issuer() + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the issuer answered " + response.statusCode() + ": " + response.body());
            }
            tokens.add(parse(response.body()).getString("access_token"));
        }
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
        String body = Json.createObjectBuilder().add("room", options.room()).add("text", text)
                .add("clientMessageId", clientMessageId).build().toString();
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(options.url().resolve("/api/messages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            switch (response.statusCode()) {
                case 202 -> {
                    return parse(response.body());
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
        HttpResponse<String> ticket = http.send(HttpRequest.newBuilder(options.url().resolve("/api/ws-ticket"))
                .header("Authorization", "Bearer " + token).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ticket.statusCode() != 200) {
            throw new IOException("ws-ticket answered " + ticket.statusCode() + ": " + ticket.body());
        }
        URI socket = URI.create(options.url().toString().replaceFirst("^http", "ws") + "/ws/chat?ticket="
                + URLEncoder.encode(parse(ticket.body()).getString("ticket"), StandardCharsets.UTF_8));
        String origin = options.url().getScheme() + "://" + options.url().getAuthority();
        return http.newWebSocketBuilder().header("Origin", origin).buildAsync(socket, listener);
    }

    /**
     * A metric's value from the server's Prometheus text, in the given scope (base, vendor,
     * application): the sum over all its tags (such as the outcomes of a counter).
     */
    OptionalLong metric(String name, String scope) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(options.url().resolve("/metrics?scope=" + scope))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return OptionalLong.empty();
        }
        Matcher value = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(response.body());
        double sum = 0;
        boolean found = false;
        while (value.find()) {
            sum += Double.parseDouble(value.group(2));
            found = true;
        }
        return found ? OptionalLong.of((long) sum) : OptionalLong.empty();
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
