package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import io.chatapp.it.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way of a message as one trace, as a tracing back end receives it from the server under
 * test (over OTLP, by {@link OtlpReceiver}): the request or frame, the Kafka publish (whose
 * record carries the W3C {@code traceparent}), each consumer group's processing, the socket
 * writes and the MongoDB insert, each span the child of the one before.
 */
public class TracingIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration EXPORTED = Duration.ofSeconds(20);
    /** The server's logs folder: its messages.log is JSON. */
    private static final Path LOGS = Path.of(System.getProperty("it.logs", "target/liberty/wlp/usr/servers/chatServerIT/logs"));

    private static Chat alice;
    private static Chat bob;
    private static String room;

    @BeforeAll
    static void twoMembers() {
        Chat.awaitPipelineReady();
        alice = Chat.present("alice");
        bob = Chat.present("bob");
        room = Chat.freshRoom("traced");
        alice.createRoom(room, "private", "bob");
    }

    @Test
    void aPostIsOneTraceFromTheRequestToTheSocketsAndTheStore() {
        String traceId = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        String callerSpanId = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        try (RecordingSocket bobsSocket = bob.connect(); Topics.Tail topic = new Topics.Tail(Topics.MESSAGES)) {
            HttpResponse<String> posted = Http.send(Http.request("/api/messages", alice.token)
                    .header("Content-Type", "application/json").header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString(Chat.body(room, "follow me", null))).build());
            assertEquals(202, posted.statusCode(), posted::body);
            String id = Json.createReader(new StringReader(posted.body())).readObject().getString("id");
            bobsSocket.awaitMessage(id, Duration.ofSeconds(10));
            alice.awaitStored(room, id);

            ReceivedSpan request = awaitSpan(traceId, "the POST's server span",
                    span -> span.kind() == SpanKind.SPAN_KIND_SERVER && callerSpanId.equals(span.parentSpanId()));
            assertTrue(request.name().startsWith("POST"), request::toString);
            ReceivedSpan publish = awaitChild(request, "chat-messages publish", SpanKind.SPAN_KIND_PRODUCER);
            assertEquals(id, publish.attribute("messaging.message.id"), publish::toString);
            assertEquals("kafka", publish.attribute("messaging.system"), publish::toString);
            assertEquals("io.chatapp.message.posted", publish.attribute("chat.event.type"), publish::toString);

            ReceivedSpan broadcast = awaitConsumer(publish, "broadcast");
            ReceivedSpan delivery = awaitChild(broadcast, "WebSocket deliver", SpanKind.SPAN_KIND_INTERNAL);
            assertEquals(room, delivery.attribute("chat.room"), delivery::toString);
            assertTrue(Long.parseLong(delivery.attribute("chat.sessions")) >= 1, delivery::toString);
            ReceivedSpan persist = awaitConsumer(publish, "persist");
            ReceivedSpan insert = awaitChild(persist, "insert messages", SpanKind.SPAN_KIND_CLIENT);
            assertEquals("mongodb", insert.attribute("db.system"), insert::toString);

            ConsumerRecord<String, String> record = topic.await("the message's record",
                    candidate -> id.equals(Topics.header(candidate, "ce_id")));
            assertEquals("00-" + traceId + "-" + publish.spanId() + "-01", Topics.header(record, "traceparent"),
                    "the record's traceparent names the publish span as the consumers' parent");
        }
    }

    @Test
    void aWebSocketSendIsOneTraceFromTheFrameToTheStore() {
        try (RecordingSocket alicesSocket = alice.connect()) {
            String clientMessageId = "traced-" + UUID.randomUUID();
            alicesSocket.send(Json.createObjectBuilder().add("type", "send").add("room", room).add("text", "by frame")
                    .add("clientMessageId", clientMessageId).build().toString());
            JsonObject ack = alicesSocket.await("the ack of " + clientMessageId,
                    frame -> "ack".equals(frame.getString("type", null)) && clientMessageId.equals(frame.getString("clientMessageId", null)),
                    Duration.ofSeconds(10));
            String id = ack.getString("id");

            ReceivedSpan publish = Chat.await("the publish span of message " + id, EXPORTED, () -> OtlpReceiver.running().spans().stream()
                    .filter(span -> span.kind() == SpanKind.SPAN_KIND_PRODUCER && id.equals(span.attribute("messaging.message.id")))
                    .findFirst().orElse(null));
            ReceivedSpan frame = awaitSpan(publish.traceId(), "the frame's span", span -> span.spanId().equals(publish.parentSpanId()));
            assertEquals("WebSocket send", frame.name(), frame::toString);
            assertEquals(SpanKind.SPAN_KIND_SERVER, frame.kind(), frame::toString);
            assertEquals("", frame.parentSpanId(), "a frame starts its trace");
            awaitChild(awaitConsumer(publish, "broadcast"), "WebSocket deliver", SpanKind.SPAN_KIND_INTERNAL);
            awaitChild(awaitConsumer(publish, "persist"), "insert messages", SpanKind.SPAN_KIND_CLIENT);
        }
    }

    @Test
    void aRecordWrittenWithinATraceContinuesItAndItsLogLinesCarryTheTraceId() {
        String traceId = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        String producerSpanId = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        String poison = "{\"not\": \"an event\", \"trace\": \"" + traceId + "\"}";
        try (Topics.Tail deadLetters = new Topics.Tail(Topics.DEAD_LETTERS)) {
            Topics.write(Topics.MESSAGES, room, poison, Map.of("traceparent", "00-" + traceId + "-" + producerSpanId + "-01"));
            deadLetters.await("the poison record dead-lettered", record -> poison.equals(record.value()));
        }
        ReceivedSpan persist = awaitSpan(traceId, "the persist group's span under the writer's",
                span -> producerSpanId.equals(span.parentSpanId()) && "persist".equals(span.attribute("messaging.kafka.consumer.group")));
        JsonObject line = Chat.await("the dead-lettering's log event with its trace id", EXPORTED, () -> ServerLogs.lines(LOGS.resolve("messages.log"))
                .stream().filter(text -> text.startsWith("{") && text.contains(traceId))
                .map(text -> Json.createReader(new StringReader(text)).readObject())
                .filter(event -> event.getString("message", "").contains("Dead-lettering record")).findFirst().orElse(null));
        assertEquals(traceId, line.getString("ext_traceId"), line::toString);
        assertEquals(persist.spanId(), line.getString("ext_spanId"), line::toString);
    }

    @Test
    void noSpanCarriesATokenOrATicket() throws IOException {
        try (RecordingSocket socket = alice.connect()) {
            socket.awaitMessage(alice.post(room, "after a handshake").getString("id"), Duration.ofSeconds(10));
        }
        Path secretsFile = Path.of(System.getProperty("it.secrets.file", "target/it-secrets.txt"));
        Set<String> secrets = Set.copyOf(Files.readAllLines(secretsFile));
        assertFalse(secrets.isEmpty(), "no token or ticket was recorded");
        Chat.await("the handshake's spans exported", EXPORTED, () -> OtlpReceiver.running().spans().size() > 10 ? true : null);
        for (ReceivedSpan span : OtlpReceiver.running().spans()) {
            String text = span.name() + " " + span.attributes();
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "a span carries a token or ticket: " + span);
            }
        }
    }

    private static ReceivedSpan awaitConsumer(ReceivedSpan publish, String group) {
        return awaitSpan(publish.traceId(), "the " + group + " group's process span under " + publish.name(),
                span -> span.parentSpanId().equals(publish.spanId()) && span.kind() == SpanKind.SPAN_KIND_CONSUMER
                        && "chat-messages process".equals(span.name()) && group.equals(span.attribute("messaging.kafka.consumer.group")));
    }

    private static ReceivedSpan awaitChild(ReceivedSpan parent, String name, SpanKind kind) {
        ReceivedSpan child = awaitSpan(parent.traceId(), "the span " + name + " under " + parent.name(),
                span -> span.parentSpanId().equals(parent.spanId()) && name.equals(span.name()));
        assertEquals(kind, child.kind(), child::toString);
        return child;
    }

    private static ReceivedSpan awaitSpan(String traceId, String what, Predicate<ReceivedSpan> match) {
        return Chat.await(what + " in trace " + traceId, EXPORTED, () -> {
            List<ReceivedSpan> trace = OtlpReceiver.running().trace(traceId);
            return trace.stream().filter(match).findFirst().orElse(null);
        });
    }
}
