package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.InsertOutcome;
import io.chatapp.model.MessageJson;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Sender;
import io.chatapp.store.MessageRepository;
import io.chatapp.store.RoomRepository;
import io.chatapp.tracing.ChatTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order in which a batch of records reaches the store and is acknowledged: what the fault
 * suite relies on to find every accepted post stored once, whatever stops when.
 */
class MessagePersistenceConsumerTest {

    private static final Sender ALICE = new Sender("alice", "Alice");

    /** What reached the store, the dead-letter topic and the connector, in that order. */
    private final List<String> log = new ArrayList<>();
    private final MessagePersistenceConsumer consumer = new MessagePersistenceConsumer();
    private ValidatorFactory validation;

    @BeforeEach
    void wire() {
        validation = Validation.buildDefaultValidatorFactory();
        consumer.reader = new EventRecordReader();
        consumer.reader.validator = validation.getValidator();
        consumer.reader.maxRecordBytes = 65_536;
        consumer.reader.validationStartTimeout = Duration.ofSeconds(5);
        consumer.messages = new LoggedMessages();
        consumer.rooms = new LoggedRooms();
        consumer.deadLetters = new LoggedDeadLetters();
        consumer.metrics = new UncountedMetrics();
        consumer.tracing = new NoTracing();
        consumer.defineSteps();
    }

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void postsAreStoredTogetherUntilAnotherRecordAndEveryRecordIsAcknowledgedInItsOrder() {
        ChatMessage a = posted("a");
        ChatMessage b = posted("b");
        ChatMessage c = posted("c");
        ChatMessage d = posted("d");
        ChatMessage cEdited = c.edited("c, edited", List.of(), Instant.now());

        consumer.persist(List.of(message(1, new ChatEvent.MessagePosted(a)), message(2, new ChatEvent.MessagePosted(b)),
                message(3, "{ not an event"), message(4, new ChatEvent.MessagePosted(c)),
                message(5, new ChatEvent.MessageEdited("edit-1", cEdited)), message(6, new ChatEvent.MessagePosted(d))));

        assertEquals(List.of("insert a@1 b@2", "member alice of general", "ack 1", "ack 2",
                "dead-letter 3", "ack 3",
                "insert c@4", "ack 4",
                "change c, edited to version 2", "ack 5",
                "insert d@6", "ack 6"), log);
    }

    @Test
    void aBatchReadWhileStoppingIsNeitherStoredNorAcknowledged() {
        consumer.stopTaking(null);
        consumer.persist(List.of(message(1, new ChatEvent.MessagePosted(posted("late")))));
        assertEquals(List.of(), log);
    }

    private static ChatMessage posted(String text) {
        return ChatMessage.accept(new NewMessage("general", text, null), ALICE, Instant.now());
    }

    private Message<String> message(long offset, ChatEvent event) {
        Headers headers = new RecordHeaders();
        EventHeaders.write(headers, event);
        return message(offset, MessageJson.toJson(event.data()), headers);
    }

    private Message<String> message(long offset, String value) {
        return message(offset, value, new RecordHeaders());
    }

    private Message<String> message(long offset, String value, Headers headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("chat-messages", 0, offset, 0L, TimestampType.CREATE_TIME, 7,
                value.getBytes(StandardCharsets.UTF_8).length, "general", value, headers, Optional.empty());
        return new Message<>() {
            @Override
            public String getPayload() {
                return value;
            }

            @Override
            public CompletionStage<Void> ack() {
                log.add("ack " + offset);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public <C> C unwrap(Class<C> type) {
                return type.cast(record);
            }
        };
    }

    private final class LoggedMessages extends MessageRepository {
        @Override
        public List<InsertOutcome> insertAll(List<Positioned> posted) {
            log.add(posted.stream().map(each -> each.message().text() + "@" + each.seq()).collect(Collectors.joining(" ", "insert ", "")));
            return posted.stream().map(each -> InsertOutcome.INSERTED).toList();
        }

        @Override
        public void applyChange(ChatMessage next, Instant at) {
            log.add("change " + next.text() + " to version " + next.version());
        }
    }

    private final class LoggedRooms extends RoomRepository {
        @Override
        public void posted(ChatMessage message) {
            log.add("member " + message.sender().id() + " of " + message.room());
        }
    }

    private final class LoggedDeadLetters extends DeadLetterPublisher {
        @Override
        public CompletionStage<Void> send(ConsumerRecord<String, String> poison, String reason, String source) {
            log.add("dead-letter " + poison.offset());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final class UncountedMetrics extends ChatMetrics {
        @Override
        public void persisted(InsertOutcome outcome) {
        }

        @Override
        public void stored(Duration sinceIngest) {
        }
    }

    private static final class NoTracing extends ChatTracing {
        @Override
        public <C> Span startProcess(C carrier, TextMapGetter<C> getter, Record record) {
            return Span.getInvalid();
        }
    }
}
