package io.chatapp.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.chatapp.client.ChatClient;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite's world: two Open Liberty servers on one Kafka broker and one store, as
 * {@code scripts/test_faults.sh} started them, and the means to break them: the broker killed
 * or frozen, the store stopped, server B stopped or killed, each by its process id.
 */
final class FaultStack implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern MESSAGE_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    final URI serverA = URI.create(System.getProperty("faults.serverA.url"));
    final URI serverB = URI.create(System.getProperty("faults.serverB.url"));
    private final String serverBName = System.getProperty("faults.serverB.name");
    private final Path repo = Path.of(System.getProperty("faults.repo"));
    private final Path stack = Path.of(System.getProperty("faults.stack.home"));
    private final Map<URI, ChatClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final MongoClient mongo = MongoClients.create(TestStack.mongoUri());

    /** The client of a server: HTTP/1.1, as an ingress speaks to a pod, 20 s per request. */
    ChatClient client(URI server) {
        return clients.computeIfAbsent(server, uri -> new ChatClient(uri, HttpClient.Version.HTTP_1_1, REQUEST_TIMEOUT));
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, DevIssuer::token);
    }

    MongoCollection<Document> messages() {
        return mongo.getDatabase("chat").getCollection("messages");
    }

    /** The sum of an application metric's series on the server; 0 when it has none (as after a restart). */
    double metric(URI server, String name) {
        try {
            return client(server).metrics("application").sum(name).orElse(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reports how long the server, restarted, took to broadcast and to store again under the
     * steady load (its counters start from 0), or that it did not within a minute.
     */
    void reportConsuming(URI server, String after) {
        Instant start = Instant.now();
        Instant broadcasting = null;
        Instant storing = null;
        while ((broadcasting == null || storing == null) && Duration.between(start, Instant.now()).toSeconds() < 60) {
            if (broadcasting == null && metric(server, "chat_messages_broadcast_total") > 0) {
                broadcasting = Instant.now();
            }
            if (storing == null && metric(server, "chat_messages_persisted_total") > 0) {
                storing = Instant.now();
            }
            sleep(Duration.ofMillis(250));
        }
        System.out.println("[faults] server B after " + after + ": broadcasting " + since(start, broadcasting)
                + ", storing " + since(start, storing));
    }

    private static String since(Instant start, Instant at) {
        return at == null ? "not within 60 s" : "within " + Duration.between(start, at).toMillis() + " ms";
    }

    /** How many of the user's memberships of the room the store holds as current. */
    long memberships(String room, String userId) {
        return mongo.getDatabase("chat").getCollection("memberships").countDocuments(
                Filters.and(Filters.eq("room", room), Filters.eq("user.id", userId), Filters.eq("member", true)));
    }

    /** The stored state of a message: its text and version, as {@code "v2 text"}; null while it is not stored. */
    String storedState(String messageId) {
        Document message = mongo.getDatabase("chat").getCollection("messages").find(Filters.eq("message_id", messageId)).first();
        if (message == null) {
            return null;
        }
        Number version = message.get("version", Number.class);
        return "v" + (version == null ? 1 : version.intValue()) + " " + message.getString("text");
    }

    /** Whether the server's readiness answers 200; a server that does not answer within 5 s is not. */
    boolean ready(URI server) {
        return readiness(server) == 200;
    }

    /** The HTTP status of the server's readiness, or 0 when it did not answer within 5 s. */
    int readiness(URI server) {
        try {
            return new ChatClient(server, HttpClient.Version.HTTP_1_1, Duration.ofSeconds(5)).readiness();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    void killBroker() {
        stop(stack.resolve("pids/kafka.pid"), true);
    }

    /** Stops the store: its local H2 file may lose its last second to kill -9 (MongoDB's journal does not). */
    void stopStore() {
        stop(stack.resolve("pids/mongo.pid"), false);
    }

    /** Starts whatever of the broker and the store is down. */
    void restartDevStack() {
        run("scripts/devstack.sh", "start");
    }

    /** Freezes the broker (SIGSTOP): it keeps its connections but answers nothing until thawed. */
    void freezeBroker() {
        run("kill", "-STOP", pidOf("kafka"));
    }

    void thawBroker() {
        run("kill", "-CONT", pidOf("kafka"));
    }

    /** Freezes the store (SIGSTOP), as a store that takes connections and answers nothing. */
    void freezeStore() {
        run("kill", "-STOP", pidOf("mongo"));
    }

    void thawStore() {
        run("kill", "-CONT", pidOf("mongo"));
    }

    /** The process id of a dependency the dev stack started: kafka, mongo or oidc. */
    private String pidOf(String dependency) {
        try {
            return Files.readString(stack.resolve("pids/" + dependency + ".pid")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to server B, as Kubernetes stops a pod; returns once it has exited. */
    void stopServerB() {
        stop(serverBPidFile(), false);
    }

    void killServerB() {
        stop(serverBPidFile(), true);
    }

    /** Starts server B again and waits until it is ready. */
    void startServerB() {
        run("backend/target/liberty/wlp/bin/server", "start", serverBName);
        Chat.await("server B ready again", Duration.ofSeconds(90), () -> ready(serverB) ? true : null);
    }

    private Path serverBPidFile() {
        return repo.resolve("backend/target/liberty/wlp/usr/servers/.pid/" + serverBName + ".pid");
    }

    /** How many records the server's persistence consumer found already stored: read again (offset not committed). */
    double redelivered(URI server) {
        return Http.metric(server, "chat_messages_persisted_total", "outcome=\"redelivered\"");
    }

    /** The partition of {@code chat-messages} a room's records go to: the producer's default partitioner places them by their key, the room. */
    static int partitionOf(String room, int partitions) {
        return Utils.toPositive(Utils.murmur2(room.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** How many of the messages are on the topic more than once (published again, not read again). */
    int publishedMoreThanOnce(Set<String> ids) {
        Map<String, Integer> copies = new HashMap<>();
        Topics.readAll(Topics.MESSAGES, record -> {
            Matcher id = MESSAGE_ID.matcher(record.value());
            if (id.find() && ids.contains(id.group(1))) {
                copies.merge(id.group(1), 1, Integer::sum);
            }
        });
        return (int) copies.values().stream().filter(count -> count > 1).count();
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops a process by the id it was started with: kill -9, or SIGTERM when not {@code forcibly}. */
    private static void stop(Path pidFile, boolean forcibly) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                if (forcibly) {
                    process.destroyForcibly();
                } else {
                    process.destroy();
                }
                process.onExit().join();
            });
            System.out.println("[faults] " + (forcibly ? "killed " : "stopped ") + pidFile.getFileName() + " (pid " + pid + ")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        mongo.close();
    }
}
