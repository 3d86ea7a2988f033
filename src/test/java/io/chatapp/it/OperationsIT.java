package io.chatapp.it;

import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics and OpenAPI, and what the Kafka consumers do with records they did not expect. */
@MicroShedTest
public class OperationsIT {

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

    /** The value of one application metric, as Prometheus text exposes it. */
    private static double metric(String name, String tags) {
        String text = Http.get("/metrics?scope=application", null).body();
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(text);
        while (matcher.find()) {
            if (tags.isEmpty() || matcher.group(1).contains(tags)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @Test
    void readinessChecksKafkaAndMongoDb() {
        assertEquals(List.of("kafka", "mongodb"), checkNames(health("/health/ready")));
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
        double ingested = metric("chat_messages_ingested_total", "");
        double broadcast = metric("chat_messages_broadcast_total", "");
        double inserted = metric("chat_messages_persisted_total", "outcome=\"inserted\"");
        double latencyCount = metric("chat_ingest_to_broadcast_seconds_count", "");

        String room = Chat.freshRoom("metrics");
        try (SocketClient socket = alice.connect()) {
            JsonObject posted = alice.post(room, "count me");
            socket.awaitMessage(posted.getString("id"), Duration.ofSeconds(10));
            alice.awaitStored(room, posted.getString("id"));
            assertTrue(metric("chat_websocket_sessions", "") >= 1);
        }

        assertEquals(ingested + 1, metric("chat_messages_ingested_total", ""));
        Chat.await("broadcast counted", Duration.ofSeconds(5), () -> metric("chat_messages_broadcast_total", "") >= broadcast + 1 ? true : null);
        assertEquals(inserted + 1, metric("chat_messages_persisted_total", "outcome=\"inserted\""));
        assertTrue(metric("chat_ingest_to_broadcast_seconds_count", "") >= latencyCount + 1);
    }

    @Test
    void aRedeliveredRecordIsStoredOnceAndCountedAsDuplicate() throws Exception {
        String room = Chat.freshRoom("redelivery");
        JsonObject posted = alice.post(room, "delivered twice");
        alice.awaitStored(room, posted.getString("id"));
        double duplicates = metric("chat_messages_persisted_total", "outcome=\"duplicate\"");

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("chat-messages", room, posted.toString())).get();
        }
        JsonObject sentinel = alice.post(room, "after the redelivery");
        alice.awaitStored(room, sentinel.getString("id"));

        assertEquals(duplicates + 1, metric("chat_messages_persisted_total", "outcome=\"duplicate\""));
        List<String> ids = alice.history(room, 50, null).getJsonArray("messages").getValuesAs(JsonObject.class)
                .stream().map(message -> message.getString("id")).toList();
        assertEquals(List.of(posted.getString("id"), sentinel.getString("id")), ids);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsReason() throws Exception {
        String room = Chat.freshRoom("poison");
        String poison = "{\"this is\":\"not a chat message " + room + "\"}";
        double deadLettered = metric("chat_messages_deadlettered_total", "");

        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("chat-messages-dlq", 0);
            dlq.assign(List.of(partition));
            dlq.seekToEnd(List.of(partition));
            dlq.position(partition);

            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>("chat-messages", room, poison)).get();
            }

            ConsumerRecord<String, String> dead = Chat.await("the record on chat-messages-dlq", Duration.ofSeconds(20), () -> {
                for (ConsumerRecord<String, String> record : dlq.poll(Duration.ofMillis(500))) {
                    if (poison.equals(record.value())) {
                        return record;
                    }
                }
                return null;
            });
            assertEquals(room, dead.key());
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("not a message"), reason);
            assertTrue(new String(dead.headers().lastHeader("dead-letter-source").value(), StandardCharsets.UTF_8)
                    .startsWith("chat-messages-"));
        }
        Chat.await("dead letter counted", Duration.ofSeconds(5),
                () -> metric("chat_messages_deadlettered_total", "") >= deadLettered + 1 ? true : null);
        assertEquals(0, alice.history(room, 50, null).getJsonArray("messages").size());
    }
}
