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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The chat as the harness's users see it: signed in at the issuer, posting until accepted,
 * opening WebSockets. Posts honour {@code Retry-After} (429 and 503) and are sent again with
 * the same clientMessageId. Given several instances ({@code --url} a list), it spreads posts and
 * sockets over them in turn, as a load balancer without affinity would, and sums their metrics.
 */
final class ChatService {

    private static final int PARALLEL_REQUESTS = 16;

    private final LoadOptions options;
    private final List<ChatClient> instances;
    private final AtomicInteger nextPost = new AtomicInteger();
    private final AtomicInteger nextSocket = new AtomicInteger();
    private final List<String> tokens = new ArrayList<>();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();

    ChatService(LoadOptions options) {
        this.options = options;
        this.instances = options.urls().stream().map(url -> new ChatClient(url, HttpClient.Version.HTTP_1_1, Duration.ofSeconds(30)))
                .toList();
    }

    /**
     * Signs in {@code --users} distinct users, as real traffic would, so per-user limits apply as
     * in production, and makes each a member of the room, whose messages reach members only.
     */
    void signIn() throws Exception {
        Issuer issuer = new Issuer(options.issuer().toString());
        for (int i = 0; i < options.users(); i++) {
            tokens.add(issuer.token(user(i), "load"));
        }
        // Taken already when an earlier run created it: then joining is all it takes.
        createRoom(0, options.room());
        join(0, options.users(), user -> options.room());
    }

    private String user(int i) {
        return "load-" + (options.firstUser() + i);
    }

    /**
     * Creates a public room as the user, who is its first member.
     *
     * @return false if a room has that id already
     */
    boolean createRoom(int user, String room) throws IOException, InterruptedException {
        int created = instances.get(0).createRoom(token(user), room, "public").statusCode();
        if (created != 201 && created != 409) {
            throw new IOException("creating room " + room + " answered " + created);
        }
        return created == 201;
    }

    /**
     * Makes the users from {@code from} up to {@code to} (excluded) members of their public
     * rooms, each joining by themselves, a few at a time.
     */
    void join(int from, int to, IntFunction<String> roomOf) throws Exception {
        inParallel(to - from, i -> {
            String room = roomOf.apply(from + i);
            int joined = instances.get(0).addMember(token(from + i), room, user(from + i)).statusCode();
            if (joined != 204) {
                throw new IOException(user(from + i) + " joining " + room + " answered " + joined);
            }
        });
    }

    /** One step of a set-up: a request or two for the i-th user or room. */
    interface Step {
        void run(int i) throws Exception;
    }

    /**
     * Runs steps 0 to count - 1, {@value #PARALLEL_REQUESTS} at a time: one at a time, setting up
     * a thousand users would take minutes; all at once, it would be a burst no real client makes.
     *
     * @throws Exception the first step's failure
     */
    static void inParallel(int count, Step step) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            List<Future<?>> steps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int each = i;
                steps.add(threads.submit(() -> {
                    step.run(each);
                    return null;
                }));
            }
            for (Future<?> each : steps) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception failure ? failure : e;
                }
            }
        } finally {
            threads.shutdownNow();
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
    JsonObject post(String token, String room, String text, String clientMessageId) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = next(nextPost).post(token, room, text, clientMessageId);
            switch (response.statusCode()) {
                case 202 -> {
                    return ChatClient.parse(response.body());
                }
                case 429, 503 -> retryAfter(response);
                default -> throw new IOException("POST answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** Edits a message as its sender, until accepted, waiting as {@code Retry-After} says between attempts. */
    void edit(String token, String id, String text) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = next(nextPost).edit(token, id, text);
            switch (response.statusCode()) {
                case 200 -> {
                    return;
                }
                case 429, 503 -> retryAfter(response);
                default -> throw new IOException("PATCH answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private void retryAfter(HttpResponse<String> response) throws InterruptedException {
        (response.statusCode() == 429 ? rateLimited : unavailable).incrementAndGet();
        long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
    }

    /** Messages the server has stored so far, whatever the outcome (inserted, duplicate, ...); 0 if its metrics are not readable. */
    long stored() throws InterruptedException {
        return metric("chat_messages_persisted_total", "application").orElse(0);
    }

    /**
     * @return when (System.nanoTime) the server had stored this many messages; at once if its
     *     metrics are not readable, after 10 minutes at most
     */
    long awaitStored(long count) throws InterruptedException {
        if (metric("chat_messages_persisted_total", "application").isEmpty()) {
            return System.nanoTime();
        }
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (stored() < count && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    /** Opens a WebSocket as the web app does: a fresh ticket, the app's own Origin. */
    CompletableFuture<WebSocket> connect(String token, WebSocket.Listener listener) throws IOException, InterruptedException {
        return next(nextSocket).connect(token, listener);
    }

    private ChatClient next(AtomicInteger turn) {
        return instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
    }

    /**
     * A metric's value in the given scope (base, vendor, application): the sum over all its
     * series (such as the outcomes of a counter) and all instances; empty when an instance has
     * none or no metrics.
     */
    OptionalLong metric(String name, String scope) throws InterruptedException {
        double sum = 0;
        for (ChatClient instance : instances) {
            try {
                OptionalDouble each = instance.metrics(scope).sum(name);
                if (each.isEmpty()) {
                    return OptionalLong.empty();
                }
                sum += each.getAsDouble();
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of((long) sum);
    }
}
