package io.chatapp.tools;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayOptionsTest {

    private static ReplayOptions parse(String... args) throws UsageException {
        return ReplayOptions.parse(List.of(args), Map.of());
    }

    @Test
    void defaultsReplayEverythingFromTheDevStackDeadLetterTopic() throws UsageException {
        ReplayOptions options = parse();
        assertEquals("127.0.0.1:9092", options.bootstrapServers());
        assertEquals("chat-messages-dlq", options.from());
        assertEquals("chat-messages", options.to());
        assertEquals("chatapp-dead-letter-replay", options.group());
        assertNull(options.reason());
        assertFalse(options.dryRun());
        assertEquals(ReplayOptions.NO_LIMIT, options.limit());
        assertNull(options.clientConfig());
        assertFalse(options.help());
    }

    @Test
    void readsEveryOptionSeparateOrWithEquals() throws UsageException {
        ReplayOptions options = parse("--bootstrap-servers", "kafka:9092", "--from=dlq", "--to", "chat",
                "--group", "fix-42", "--reason=Unreadable message", "--dry-run", "--limit", "10",
                "--command-config", "client.properties");
        assertEquals("kafka:9092", options.bootstrapServers());
        assertEquals("dlq", options.from());
        assertEquals("chat", options.to());
        assertEquals("fix-42", options.group());
        assertEquals("Unreadable message", options.reason());
        assertTrue(options.dryRun());
        assertEquals(10, options.limit());
        assertEquals(Path.of("client.properties"), options.clientConfig());
    }

    @Test
    void aReasonMayContainAnEqualsSignAndIsKeptAsWritten() throws UsageException {
        assertEquals(" id=null ", parse("--reason", " id=null ").reason());
        assertEquals("a=b", parse("--reason=a=b").reason());
    }

    @Test
    void bootstrapServersComeFromTheEnvironmentUnlessGiven() throws UsageException {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS", "app:9092");
        assertEquals("env:9092", ReplayOptions.parse(List.of(), env).bootstrapServers());
        assertEquals("app:9092", ReplayOptions.parse(List.of(),
                Map.of("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS", "app:9092")).bootstrapServers());
        assertEquals("arg:9092", ReplayOptions.parse(List.of("--bootstrap-servers", "arg:9092"), env).bootstrapServers());
        assertEquals("127.0.0.1:9092", ReplayOptions.parse(List.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", " ")).bootstrapServers());
    }

    @Test
    void helpIsAnOption() throws UsageException {
        assertTrue(parse("--help").help());
        assertTrue(parse("-h").help());
        assertTrue(ReplayOptions.usage().contains("--reason"));
    }

    @Test
    void rejectsWhatItCannotActOn() {
        for (List<String> args : List.of(
                List.of("--limit"), List.of("--limit", "0"), List.of("--limit", "-3"), List.of("--limit", "ten"),
                List.of("--reason", ""), List.of("--reason="), List.of("--to"), List.of("--group", " "),
                List.of("--dry-run=yes"), List.of("--replay-all"), List.of("chat-messages-dlq"),
                List.of("--from", "chat-messages"), List.of("--to", "chat-messages-dlq"))) {
            assertThrows(UsageException.class, () -> ReplayOptions.parse(args, Map.of()), args.toString());
        }
    }
}
