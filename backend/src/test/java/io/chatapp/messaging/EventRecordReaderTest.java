package io.chatapp.messaging;

import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageJson;
import io.chatapp.model.Sender;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventRecordReaderTest {

    private static final ChatMessage MESSAGE = new ChatMessage("7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11", "general", "hello",
            new Sender("user-1", "Alice"), "2026-11-24T10:20:30.123Z", "c-1");

    private static ValidatorFactory validation;
    private static EventRecordReader reader;

    @BeforeAll
    static void createReader() {
        validation = Validation.buildDefaultValidatorFactory();
        reader = new EventRecordReader();
        reader.validator = validation.getValidator();
        reader.maxRecordBytes = 1_000;
        reader.validationStartTimeout = Duration.ofSeconds(5);
    }

    @AfterAll
    static void closeValidation() {
        validation.close();
    }

    /** A record as the server wrote it before events had types: no headers, the message as its value. */
    private static ConsumerRecord<String, String> record(String value) {
        return record(value, new RecordHeaders());
    }

    private static ConsumerRecord<String, String> record(String value, Headers headers) {
        int size = value == null ? -1 : value.getBytes(StandardCharsets.UTF_8).length;
        return new ConsumerRecord<>("chat-messages", 0, 42L, 0L, TimestampType.CREATE_TIME, 7, size, "general", value,
                headers, Optional.empty());
    }

    /** What the publisher writes for an event. */
    private static ConsumerRecord<String, String> written(ChatEvent event) {
        Headers headers = new RecordHeaders();
        EventHeaders.write(headers, event);
        return record(MessageJson.toJson(event.data()), headers);
    }

    private static Headers with(ChatEvent event, String name, String value) {
        Headers headers = new RecordHeaders();
        EventHeaders.write(headers, event);
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String reasonFor(String value) {
        return assertThrows(PoisonRecordException.class, () -> reader.read(record(value))).getMessage();
    }

    /** A validator that is not there for the first calls, as before the application's module has started. */
    private static Validator notThereFor(int calls) {
        AtomicInteger left = new AtomicInteger(calls);
        Validator real = validation.getValidator();
        return (Validator) Proxy.newProxyInstance(Validator.class.getClassLoader(), new Class<?>[] {Validator.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("validate") && left.getAndDecrement() > 0) {
                        throw new ValidationException("Validation not enabled for module chatapp");
                    }
                    return method.invoke(real, arguments);
                });
    }

    @Test
    void aRecordReadBeforeValidationIsThereWaitsForIt() throws PoisonRecordException {
        EventRecordReader starting = new EventRecordReader();
        starting.validator = notThereFor(3);
        starting.maxRecordBytes = 1_000;
        starting.validationStartTimeout = Duration.ofSeconds(5);
        ChatEvent posted = new ChatEvent.MessagePosted(MESSAGE);
        assertEquals(posted, starting.read(written(posted)));
    }

    @Test
    void validationThatNeverComesFailsAfterTheTimeout() {
        EventRecordReader starting = new EventRecordReader();
        starting.validator = notThereFor(Integer.MAX_VALUE);
        starting.maxRecordBytes = 1_000;
        starting.validationStartTimeout = Duration.ofMillis(300);
        assertThrows(ValidationException.class, () -> starting.read(written(new ChatEvent.MessagePosted(MESSAGE))));
    }

    @Test
    void readsWhatTheServerWrites() throws PoisonRecordException {
        ChatEvent posted = new ChatEvent.MessagePosted(MESSAGE);
        assertEquals(posted, reader.read(written(posted)));
    }

    @Test
    void readsEveryChangeOfAMessageAsTheServerWritesIt() throws PoisonRecordException {
        ChatMessage edited = MESSAGE.edited("fixed", null, java.time.Instant.parse("2026-11-24T10:21:00Z"));
        for (ChatEvent change : List.of(new ChatEvent.MessageEdited("e-1", edited),
                new ChatEvent.ReactionChanged("e-2", edited.reacted("👍", "bob", true)),
                new ChatEvent.MessageDeleted("e-3", edited.deletedState()))) {
            assertEquals(change, reader.read(written(change)));
        }
    }

    @Test
    void aDeletedMessageWithTextOrALiveOneWithoutIsPoison() {
        ChatMessage gone = MESSAGE.deletedState();
        ChatMessage withText = new ChatMessage(gone.id(), gone.room(), "still here", gone.sender(), gone.timestamp(), null,
                null, null, gone.version(), null, true, null);
        assertThrows(PoisonRecordException.class, () -> reader.read(written(new ChatEvent.MessageDeleted("e-1", withText))));
        ChatMessage blank = new ChatMessage(gone.id(), gone.room(), " ", gone.sender(), gone.timestamp(), null, null, null, 2, null, null, null);
        assertThrows(PoisonRecordException.class, () -> reader.read(written(new ChatEvent.MessageEdited("e-2", blank))));
    }

    @Test
    void theServerWritesTheEventsAttributesAsCloudEventsHeaders() {
        ConsumerRecord<String, String> record = written(new ChatEvent.MessagePosted(MESSAGE));
        assertEquals(Optional.of("io.chatapp.message.posted"), EventHeaders.read(record.headers(), "ce_type"));
        assertEquals(Optional.of(MESSAGE.id()), EventHeaders.read(record.headers(), "ce_id"));
        assertEquals(Optional.of("1.0"), EventHeaders.read(record.headers(), "ce_specversion"));
        assertEquals(Optional.of("general"), EventHeaders.read(record.headers(), "ce_subject"));
        assertEquals(Optional.of("1"), EventHeaders.read(record.headers(), "ce_schemaversion"));
        assertEquals(MessageJson.toJson(MESSAGE), record.value(), "the value is still the message JSON the contract names");
    }

    @Test
    void aRecordWrittenBeforeEventsHadTypesIsAMessagePosted() throws PoisonRecordException {
        // Exactly what the server wrote before: key the room, value the message, no headers.
        String written = "{\"clientMessageId\":\"c-1\",\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"general\","
                + "\"sender\":{\"id\":\"user-1\",\"name\":\"Alice\"},\"text\":\"hello\",\"timestamp\":\"2026-11-24T10:20:30.123Z\"}";
        assertEquals(new ChatEvent.MessagePosted(MESSAGE), reader.read(record(written)));
    }

    @Test
    void anEventOfATypeThisServerDoesNotKnowIsPoison() {
        Headers headers = with(new ChatEvent.MessagePosted(MESSAGE), "ce_type", "io.chatapp.message.shouted");
        assertEquals("unknown event type io.chatapp.message.shouted",
                assertThrows(PoisonRecordException.class, () -> reader.read(record(MessageJson.toJson(MESSAGE), headers))).getMessage());
    }

    @Test
    void anEventOfANewerSchemaIsLeftToANewerServer() {
        Headers headers = with(new ChatEvent.MessagePosted(MESSAGE), "ce_schemaversion", "2");
        assertEquals("io.chatapp.message.posted schema version 2 is newer than this server reads (1)",
                assertThrows(PoisonRecordException.class, () -> reader.read(record(MessageJson.toJson(MESSAGE), headers))).getMessage());
    }

    @Test
    void aPostedEventWhoseIdIsNotItsMessagesIsPoison() {
        Headers headers = with(new ChatEvent.MessagePosted(MESSAGE), "ce_id", "another-id");
        assertEquals("event id another-id is not the id of its data, " + MESSAGE.id(),
                assertThrows(PoisonRecordException.class, () -> reader.read(record(MessageJson.toJson(MESSAGE), headers))).getMessage());
    }

    @Test
    void aRecordWithoutValueIsPoison() {
        assertEquals("no value", reasonFor(null));
    }

    @Test
    void aRecordOverTheLimitIsPoisonUnread() {
        assertEquals("too large: 1001 bytes, at most 1000 are read", reasonFor("x".repeat(1_001)));
    }

    @Test
    void aRecordThatIsNotJsonIsPoison() {
        assertEquals("not a message", reasonFor("not json").substring(0, "not a message".length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}| invalid message: id must not be null; room must not be null; sender must not be null; text must not be blank; timestamp must not be null",
        "{\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"General!\",\"text\":\"hi\",\"sender\":{\"id\":\"u\",\"name\":\"U\"},\"timestamp\":\"2026-11-24T10:20:30.123Z\"}"
            + "| invalid message: room must match [a-z0-9][a-z0-9_-]{0,39}",
        "{\"id\":\"not-a-uuid\",\"room\":\"general\",\"text\":\"hi\",\"sender\":{\"id\":\"u\",\"name\":\"U\"},\"timestamp\":\"2026-11-24T10:20:30.123Z\"}"
            + "| invalid message: id must be a UUID",
        "{\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"general\",\"text\":\"  \",\"sender\":{\"id\":\"\",\"name\":\"U\"},\"timestamp\":\"2026-11-24T10:20:30.123Z\"}"
            + "| invalid message: sender.id must not be blank; text must not be blank",
        "{\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"general\",\"text\":\"hi\",\"sender\":{\"id\":\"u\",\"name\":\"U\"},\"timestamp\":\"yesterday\"}"
            + "| invalid message: timestamp must be UTC ISO-8601 with milliseconds",
        "{\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"general\",\"text\":\"hi\",\"sender\":{\"id\":\"u\",\"name\":\"U\"},\"timestamp\":\"2026-02-30T10:20:30.123Z\"}"
            + "| invalid message: timestamp is not a date and time that exists",
        "{\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"general\",\"text\":\"hi\",\"sender\":{\"id\":\"u\",\"name\":\"U\"},\"timestamp\":\"2026-11-24T10:20:30.123Z\",\"clientMessageId\":\"has space\"}"
            + "| invalid message: clientMessageId must be printable ASCII without spaces",
    })
    void aMessageThatBreaksARuleIsPoisonWithEachRuleNamed(String json, String reason) {
        assertEquals(reason, reasonFor(json));
    }
}
