package io.chatapp.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

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
import java.util.concurrent.CompletableFuture;

/**
 * A client of one chat server over HTTP. Answers come back as the server gave them (status,
 * headers, body), so that the caller decides what a refusal means.
 */
public final class ChatClient {

    private final URI server;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param version  HTTP/1.1 is what browsers and ingress controllers speak to the server
     * @param timeout  for each request, and for connecting
     */
    public ChatClient(URI server, HttpClient.Version version, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(version).connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0
                ? timeout : Duration.ofSeconds(5)).build();
    }

    /** HTTP/1.1, 20 s per request. */
    public static ChatClient of(URI server) {
        return new ChatClient(server, HttpClient.Version.HTTP_1_1, Duration.ofSeconds(20));
    }

    public URI server() {
        return server;
    }

    /** The server's own origin, which it allows for WebSocket handshakes. */
    public String origin() {
        return server.getScheme() + "://" + server.getAuthority();
    }

    public HttpResponse<String> post(String token, String room, String text, String clientMessageId)
            throws IOException, InterruptedException {
        return http.send(postRequest(token, room, text, clientMessageId), HttpResponse.BodyHandlers.ofString());
    }

    /** The same post, not waited for: what one request came to, even if the server went away meanwhile. */
    public CompletableFuture<HttpResponse<String>> postAsync(String token, String room, String text, String clientMessageId) {
        return http.sendAsync(postRequest(token, room, text, clientMessageId), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String token, String room, String text, String clientMessageId) {
        return request("/api/messages", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(messageBody(room, text, clientMessageId))).build();
    }

    /** One page of a room's history, newest last; {@code before} a message id or null for the latest page. */
    public HttpResponse<String> history(String token, String room, String before, int limit) throws IOException, InterruptedException {
        String query = "/api/messages?limit=" + limit + "&room=" + URLEncoder.encode(room, StandardCharsets.UTF_8)
                + (before == null ? "" : "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8));
        return http.send(request(query, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sender's new text for a message ({@code PATCH /api/messages/{id}}). */
    public HttpResponse<String> edit(String token, String id, String text) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("text", text).build().toString();
        return http.send(request("/api/messages/" + URLEncoder.encode(id, StandardCharsets.UTF_8), token)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The caller has read the room up to the message ({@code PUT /api/rooms/{id}/read}). */
    public HttpResponse<String> markRead(String token, String room, String messageId) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("messageId", messageId).build().toString();
        return http.send(request("/api/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8).replace("+", "%20") + "/read", token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The caller's rooms ({@code GET /api/rooms}). */
    public HttpResponse<String> rooms(String token) throws IOException, InterruptedException {
        return http.send(request("/api/rooms", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One room, with its members ({@code GET /api/rooms/{id}}). */
    public HttpResponse<String> room(String token, String id) throws IOException, InterruptedException {
        return http.send(request("/api/rooms/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a room: {@code visibility} public or private, with these other members. */
    public HttpResponse<String> createRoom(String token, String id, String visibility, String... members)
            throws IOException, InterruptedException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String member : members) {
            list.add(member);
        }
        String body = Json.createObjectBuilder().add("id", id).add("visibility", visibility).add("members", list).build().toString();
        return http.send(request("/api/rooms", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Adds the user to the room (yourself to a public room, anyone to a private room you are in). */
    public HttpResponse<String> addMember(String token, String room, String userId) throws IOException, InterruptedException {
        return http.send(request(memberPath(room, userId), token).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Takes the user out of the room (yourself, or anyone from a room you created). */
    public HttpResponse<String> removeMember(String token, String room, String userId) throws IOException, InterruptedException {
        return http.send(request(memberPath(room, userId), token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String memberPath(String room, String userId) {
        return "/api/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8).replace("+", "%20") + "/members/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A fresh single-use WebSocket ticket. */
    public String ticket(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/ws-ticket", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ws-ticket answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).getString("ticket");
    }

    public URI socketUri(String ticket) {
        String query = ticket == null ? "" : "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
        return URI.create(server.toString().replaceFirst("^http", "ws") + "/ws/chat" + query);
    }

    /** Opens {@code /ws/chat} with the ticket, sending the Origin given (none when null). */
    public CompletableFuture<WebSocket> openSocket(String ticket, String origin, WebSocket.Listener listener) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(socketUri(ticket), listener);
    }

    /** Opens {@code /ws/chat} as the web app does: a fresh ticket, the app's own Origin. */
    public CompletableFuture<WebSocket> connect(String token, WebSocket.Listener listener) throws IOException, InterruptedException {
        return openSocket(ticket(token), origin(), listener);
    }

    /** The HTTP status of {@code /health/ready}, or 0 when the server did not answer. */
    public int readiness() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(server.resolve("/health/ready")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The server's metrics of one scope (base, vendor, application), as Prometheus text. */
    public MetricsText metrics(String scope) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("/metrics?scope=" + scope)).timeout(timeout)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        return MetricsText.parse(response.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** The JSON of a new message, as the API takes it; without a clientMessageId when null. */
    public static String messageBody(String room, String text, String clientMessageId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("room", room).add("text", text);
        if (clientMessageId != null) {
            body.add("clientMessageId", clientMessageId);
        }
        return body.build().toString();
    }

    public static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
