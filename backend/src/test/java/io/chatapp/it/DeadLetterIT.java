package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records on {@code chat-messages} that can never be messages (written by another producer, a
 * bug or a replay): each goes to {@code chat-messages-dlq} with its reason, is neither shown
 * nor stored, and the messages after it flow as before.
 */
@MicroShedTest
public class DeadLetterIT {

    private static final String REPLAY_GROUP = "it-replay-" + UUID.randomUUID();

    private static Chat alice;

    @BeforeAll
    static void signIn() {
        Chat.awaitPipelineReady();
        alice = Chat.as("alice");
    }

    /** A message as the server writes it, with the given room and text. */
    static String messageJson(String room, String text) {
        return Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("room", room).add("text", text)
                .add("sender", Json.createObjectBuilder().add("id", "someone").add("name", "Someone"))
                .add("timestamp", Instant.now().toString().substring(0, 23) + "Z").build().toString();
    }

    private static final Map<String, String> HEADERLESS = Map.of();

    static Stream<Arguments> poisonRecords() {
        return Stream.of(
                Arguments.of("not JSON", HEADERLESS, (UnaryOperator<String>) room -> "not json at all " + room, "not a message"),
                Arguments.of("JSON of another shape", HEADERLESS, (UnaryOperator<String>) room -> "{\"this is\":\"not a message in " + room + "\"}",
                        "invalid message: id must not be null"),
                Arguments.of("a text over 4000 characters", HEADERLESS, (UnaryOperator<String>) room -> messageJson(room, "x".repeat(4_001)),
                        "invalid message: text size must be between 0 and 4000"),
                Arguments.of("a room name that breaks the rule", HEADERLESS, (UnaryOperator<String>) room -> messageJson("Not A Room " + room, "hi"),
                        "invalid message: room must match"),
                Arguments.of("a record of 70,000 bytes", HEADERLESS, (UnaryOperator<String>) room -> messageJson(room, "y".repeat(70_000)),
                        "too large"),
                Arguments.of("an event of a type this server does not know", Map.of("ce_type", "io.chatapp.message.shouted",
                        "ce_specversion", "1.0"), (UnaryOperator<String>) room -> messageJson(room, "shouted"),
                        "unknown event type io.chatapp.message.shouted"),
                Arguments.of("an event of a newer schema", Map.of("ce_type", "io.chatapp.message.posted", "ce_schemaversion", "2"),
                        (UnaryOperator<String>) room -> messageJson(room, "from the future"),
                        "io.chatapp.message.posted schema version 2 is newer than this server reads (1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisonRecords")
    void aPoisonRecordIsDeadLetteredWithItsReasonAndConsumptionGoesOn(String kind, Map<String, String> headers,
                                                                      UnaryOperator<String> poisonIn, String reasonStart) {
        String room = Chat.freshRoom("poison");
        String poison = poisonIn.apply(room);
        alice.join(room);
        double deadLettered = Http.metric("chat_messages_deadlettered_total", "");

        try (Topics.Tail deadLetters = new Topics.Tail(Topics.DEAD_LETTERS); RecordingSocket socket = alice.connect()) {
            Topics.write(Topics.MESSAGES, room, poison, headers);

            ConsumerRecord<String, String> dead = deadLetters.await("the record on " + Topics.DEAD_LETTERS,
                    record -> poison.equals(record.value()));
            assertEquals(room, dead.key());
            String reason = Topics.header(dead, "dead-letter-reason");
            assertTrue(reason.startsWith(reasonStart), reason);
            assertTrue(Topics.header(dead, "dead-letter-source").startsWith(Topics.MESSAGES + "-"));
            // The event's own headers go with it, so a replay after an upgrade puts back the very event.
            headers.forEach((name, value) -> assertEquals(value, Topics.header(dead, name), name));

            // The room's next message, on the same partition, is read after the poison one.
            String after = alice.post(room, "after the poison record").getString("id");
            socket.awaitMessage(after, Duration.ofSeconds(10));
            alice.awaitStored(room, after);
            assertEquals(List.of(after), socket.messageIdsIn(room), "only the real message was broadcast");
            assertEquals(List.of(after), alice.history(room, 50, null).getJsonArray("messages")
                    .getValuesAs(JsonObject.class).stream().map(message -> message.getString("id")).toList());
        }
        Chat.await("the dead letter counted", Duration.ofSeconds(5),
                () -> Http.metric("chat_messages_deadlettered_total", "") >= deadLettered + 1 ? true : null);
    }

    /**
     * A message dead-lettered by a fault that has since been fixed (here: written straight to
     * the dead-letter topic, as the consumer would have) is put back by the documented replay
     * tool, and then shown and stored like any other.
     */
    @Test
    void theReplayToolPutsADeadLetterBackOnceItsCauseIsFixed() throws Exception {
        String room = Chat.freshRoom("replay");
        String reason = "rejected by a bug since fixed (" + room + ")";
        String message = messageJson(room, "dead-lettered, then replayed");
        String id = ((JsonObject) Chat.parse(message)).getString("id");
        alice.join(room);
        Topics.write(Topics.DEAD_LETTERS, room, message,
                Map.of("dead-letter-reason", reason, "dead-letter-source", Topics.MESSAGES + "-0@0"));

        try (RecordingSocket socket = alice.connect()) {
            String output = replay("--reason", reason);
            assertTrue(output.contains("replayed 1,"), output);
            socket.awaitMessage(id, Duration.ofSeconds(20));
            assertEquals("dead-lettered, then replayed", alice.awaitStored(room, id).getString("text"));
        }
        String again = replay("--reason", reason);
        assertTrue(again.contains("replayed 0,"), "a second run replays nothing: " + again);
    }

    /** Runs scripts/replay-dead-letters.sh against the test broker, in a replay group of this test run's own. */
    private static String replay(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("../scripts/replay-dead-letters.sh",
                "--bootstrap-servers", TestStack.kafkaBootstrap(), "--group", REPLAY_GROUP));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the replay finished");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
