package io.chatapp.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics and OpenAPI, and what the persistence consumer does with a redelivered record. */
@MicroShedTest
public class OperationsIT {

    /** The WebSocket close code for a policy violation. */
    private static final int POLICY_VIOLATION = 1008;

    private static Chat alice;

    @BeforeAll
    static void signIn() {
        Chat.awaitPipelineReady();
        alice = Chat.as("alice");
    }

    private static JsonObject health(String path) {
        HttpResponse<String> response = Http.get(path, null);
        assertEquals(200, response.statusCode(), response::body);
        JsonObject health = (JsonObject) Chat.parse(response.body());
        assertEquals("UP", health.getString("status"));
        return health;
    }

    private static List<String> checkNames(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .peek(check -> assertEquals("UP", check.getString("status"), check.toString()))
                .map(check -> check.getString("name")).sorted().toList();
    }

    /** The consumer group of this instance's broadcast, as its readiness check names it. */
    private static String broadcastGroup() {
        return health("/health/ready").getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(each -> "broadcast".equals(each.getString("name"))).findFirst().orElseThrow()
                .getJsonObject("data").getString("group");
    }

    private static Admin kafka() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap()));
    }

    /** The consumer group's members, as Kafka describes them. */
    private static Collection<MemberDescription> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS).members();
    }

    @Test
    void readinessChecksKafkaMongoDbTheBroadcastAndTheWarmUp() {
        assertEquals(List.of("broadcast", "kafka", "mongodb", "warm-up"), checkNames(health("/health/ready")));
    }

    /** Probes at once (the kubelet, a monitoring system, a load balancer) all hear that the store answers. */
    @Test
    void manyReadinessProbesAtOnceAllFindTheStoreUp() {
        ExecutorService probers = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<HttpResponse<String>>> probes = IntStream.range(0, 48)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> Http.get("/health/ready", null), probers)).toList();
            for (CompletableFuture<HttpResponse<String>> probe : probes) {
                HttpResponse<String> answer = probe.join();
                assertEquals(200, answer.statusCode(), answer::body);
            }
        } finally {
            probers.shutdownNow();
        }
    }

    /**
     * Ready only once the send path was warmed up: every frame asked for (CHAT_WARM_UP_FRAMES in
     * the it profile) received by the instance's own clients, none of it written to Kafka or to
     * the store (its room and its sender are both named {@code warm-up}).
     */
    @Test
    void theInstanceWarmedUpItsSendPathBeforeItWasReadyWithoutWritingToKafkaOrTheStore() {
        JsonObject warmUp = health("/health/ready").getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(each -> "warm-up".equals(each.getString("name"))).findFirst().orElseThrow().getJsonObject("data");
        assertEquals("done", warmUp.getString("ended"), warmUp::toString);
        assertEquals(20_000, warmUp.getJsonNumber("frames").longValue(), warmUp::toString);
        LongAdder warmUpRecords = new LongAdder();
        Topics.readAll(Topics.MESSAGES, record -> {
            if ("warm-up".equals(record.key())) {
                warmUpRecords.increment();
            }
        });
        assertEquals(0, warmUpRecords.sum(), "records of the warm-up's room on " + Topics.MESSAGES);
        try (MongoClient mongo = MongoClients.create(TestStack.mongoUri())) {
            MongoDatabase chat = mongo.getDatabase("chat");
            assertTrue(chat.listCollectionNames().into(new ArrayList<>()).containsAll(List.of("messages", "rooms", "memberships", "users")),
                    "the collections asked are the store's");
            assertEquals(0, chat.getCollection("messages").countDocuments(Filters.eq("room", "warm-up")), "the warm-up's messages");
            assertEquals(0, chat.getCollection("rooms").countDocuments(Filters.eq("_id", "warm-up")), "the warm-up's room");
            assertEquals(0, chat.getCollection("memberships").countDocuments(
                    Filters.or(Filters.eq("room", "warm-up"), Filters.eq("user.id", "warm-up"))), "the warm-up's membership");
            assertEquals(0, chat.getCollection("users").countDocuments(Filters.eq("_id", "warm-up")), "the warm-up's sender");
        }
    }

    /** The warm-up's endpoint is the instance's own: a client without its key is turned away, whatever it offers. */
    @Test
    void theWarmUpEndpointTurnsAwayEveryoneElse() throws Exception {
        URI endpoint = TestStack.server().resolve("/warm-up/socket");
        for (String query : List.of("", "?key=", "?key=guessed")) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            URI uri = URI.create("ws://" + endpoint.getAuthority() + endpoint.getPath() + query);
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    closed.completeExceptionally(new AssertionError("a frame for a stranger: " + data));
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals(POLICY_VIOLATION, closed.get(10, TimeUnit.SECONDS), "close code for " + uri);
        }
    }

    /** What the broadcast check says, Kafka confirms: the group it names holds every partition. */
    @Test
    void theBroadcastCheckNamesTheInstancesGroupAndItReadsEveryPartition() throws Exception {
        String group = broadcastGroup();
        assertTrue(group.startsWith("chatapp-broadcast-"), group);
        try (Admin admin = kafka()) {
            int partitions = admin.describeTopics(List.of(Topics.MESSAGES)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.MESSAGES).partitions().size();
            long held = members(admin, group).stream().flatMap(member -> member.assignment().topicPartitions().stream())
                    .filter(partition -> partition.topic().equals(Topics.MESSAGES)).count();
            assertEquals(partitions, held, group + " holds " + held + " of the " + partitions + " partitions");
        }
    }

    /**
     * The test server is given MP_MESSAGING_INCOMING_BROADCAST_CLIENT_ID (in the it profile), a
     * setting the application does not set itself: Kafka sees the broadcast consumer by that id.
     */
    @Test
    void aConsumerSettingGivenAsAnEnvironmentVariableReachesItsKafkaClient() throws Exception {
        try (Admin admin = kafka()) {
            List<String> clients = members(admin, broadcastGroup()).stream().map(MemberDescription::clientId).toList();
            assertEquals(List.of("chatapp-broadcast-it"), clients);
        }
    }

    @Test
    void livenessAndStartupAreUp() {
        health("/health/live");
        health("/health/started");
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> response = Http.get("/openapi", null);
        assertEquals(200, response.statusCode());
        for (String path : List.of("/api/messages:", "/api/rooms:", "/api/ws-ticket:", "/api/messages/{id}:")) {
            assertTrue(response.body().contains(path), "OpenAPI names " + path);
        }
    }

    @Test
    void metricsCountWhatHappened() {
        double ingested = Http.metric("chat_messages_ingested_total", "");
        double broadcast = Http.metric("chat_messages_broadcast_total", "");
        double inserted = Http.metric("chat_messages_persisted_total", "outcome=\"inserted\"");
        double latencyCount = Http.metric("chat_ingest_to_broadcast_seconds_count", "");
        double storedCount = Http.metric("chat_ingest_to_stored_seconds_count", "");
        double posts = Http.metric("chat_events_total", "type=\"io.chatapp.message.posted\"");

        String room = Chat.freshRoom("metrics");
        try (RecordingSocket socket = alice.connect()) {
            JsonObject posted = alice.post(room, "count me");
            socket.awaitMessage(posted.getString("id"), Duration.ofSeconds(10));
            alice.awaitStored(room, posted.getString("id"));
            assertTrue(Http.metric("chat_websocket_sessions", "") >= 1);
            assertTrue(Http.metric("chat_rooms_active", "") >= 1, "no room has a session");
        }

        assertEquals(ingested + 1, Http.metric("chat_messages_ingested_total", ""));
        Chat.await("broadcast counted", Duration.ofSeconds(5), () -> Http.metric("chat_messages_broadcast_total", "") >= broadcast + 1 ? true : null);
        assertEquals(inserted + 1, Http.metric("chat_messages_persisted_total", "outcome=\"inserted\""));
        assertTrue(Http.metric("chat_ingest_to_broadcast_seconds_count", "") >= latencyCount + 1);
        assertTrue(Http.metric("chat_ingest_to_stored_seconds_count", "") >= storedCount + 1);
        assertTrue(Http.metric("chat_events_total", "type=\"io.chatapp.message.posted\"") >= posts + 1);
        // Histograms: buckets a quantile across instances can be computed from.
        assertTrue(Http.hasMetric("chat_ingest_to_broadcast_seconds_bucket", "le=\"0.05\""), "no 50 ms bucket of post to broadcast");
        assertTrue(Http.hasMetric("chat_ingest_to_stored_seconds_bucket", "le=\"0.05\""), "no 50 ms bucket of post to stored");
        for (String group : List.of("broadcast", "persist")) {
            assertTrue(Http.hasMetric("chat_kafka_consumer_lag", "group=\"" + group + "\""), "no lag of the " + group + " group");
            Chat.await("the " + group + " group caught up", Duration.ofSeconds(20),
                    () -> Http.metric("chat_kafka_consumer_lag", "group=\"" + group + "\"") == 0 ? true : null);
        }
        for (String limit : List.of("posting", "frames")) {
            assertTrue(Http.hasMetric("chat_ratelimit_refused_total", "limit=\"" + limit + "\""), "refusals by " + limit + " are not exposed");
        }
        for (String signals : List.of("chat_signals_dropped_total", "chat_signals_skipped_total")) {
            assertTrue(Http.metric(signals, "") >= 0, signals + " is exposed");
        }
    }

    @Test
    void aMessagePublishedTwiceIsStoredOnceAndCountedAsDuplicate() throws Exception {
        String room = Chat.freshRoom("redelivery");
        JsonObject posted = alice.post(room, "delivered twice");
        alice.awaitStored(room, posted.getString("id"));
        double duplicates = Http.metric("chat_messages_persisted_total", "outcome=\"duplicate\"");

        Topics.write(Topics.MESSAGES, room, posted.toString());
        JsonObject sentinel = alice.post(room, "after the redelivery");
        alice.awaitStored(room, sentinel.getString("id"));

        assertEquals(duplicates + 1, Http.metric("chat_messages_persisted_total", "outcome=\"duplicate\""));
        List<String> ids = alice.history(room, 50, null).getJsonArray("messages").getValuesAs(JsonObject.class)
                .stream().map(message -> message.getString("id")).toList();
        assertEquals(List.of(posted.getString("id"), sentinel.getString("id")), ids);
    }
}
