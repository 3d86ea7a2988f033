package io.chatapp.ingest;

import io.chatapp.messaging.EventPublisher;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Room;
import io.chatapp.model.Sender;
import io.chatapp.rooms.RoomAccess;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageIngestTest {

    private static final Sender ALICE = new Sender("alice", "Alice");
    private static final Sender BOB = new Sender("bob", "Bob");

    /** Stands in for Kafka: each publish waits until the test acknowledges or fails it. */
    static class ControlledPublisher extends EventPublisher {
        final List<ChatMessage> published = new ArrayList<>();
        final List<CompletableFuture<ChatMessage>> acks = new ArrayList<>();

        @Override
        public <E extends ChatEvent> CompletionStage<E> publish(E event) {
            published.add(((ChatEvent.MessagePosted) event).message());
            CompletableFuture<ChatMessage> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack.thenApply(acked -> event);
        }

        void acknowledge(int index) {
            acks.get(index).complete(published.get(index));
        }

        void fail(int index) {
            acks.get(index).completeExceptionally(new TimeoutException("broker down"));
        }
    }

    static class CountingMetrics extends ChatMetrics {
        int ingested;
        int refusedPosting;

        @Override
        public void ingested() {
            ingested++;
        }

        @Override
        public void refused(String limit) {
            assertEquals("posting", limit);
            refusedPosting++;
        }
    }

    private final ControlledPublisher publisher = new ControlledPublisher();
    private final CountingMetrics metrics = new CountingMetrics();
    private final MessageIngest ingest = new MessageIngest();
    private ValidatorFactory validators;

    @BeforeEach
    void wire() {
        validators = Validation.buildDefaultValidatorFactory();
        ingest.validator = validators.getValidator();
        ingest.publisher = publisher;
        ingest.metrics = metrics;
        ingest.rateLimiter = new PostingRateLimiter(3, 1);
        ingest.rateLimiter.metrics = metrics;
        ingest.access = new RoomAccess() {
            @Override
            public Optional<Room> requireVisible(String roomId, String userId) {
                return Optional.empty();
            }
        };
        ingest.mentions = new Mentions() {
            @Override
            public List<String> in(String room, String text) {
                return text.contains("@bob") ? List.of(BOB.id()) : List.of();
            }
        };
    }

    @AfterEach
    void close() {
        validators.close();
    }

    private static ChatMessage await(CompletionStage<ChatMessage> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMessageIsAcceptedOnlyWhenKafkaAcknowledgesIt() throws Exception {
        CompletionStage<ChatMessage> accepted = ingest.ingest(ALICE, new NewMessage("general", "hi", null));
        assertFalse(accepted.toCompletableFuture().isDone());
        assertEquals(0, metrics.ingested);

        publisher.acknowledge(0);

        ChatMessage message = await(accepted);
        assertEquals("hi", message.text());
        assertEquals(ALICE, message.sender());
        assertEquals(1, metrics.ingested);
    }

    @Test
    void aMessageNamesWhomItMentionsAndWhatItAnswers() throws Exception {
        ChatMessage original = new ChatMessage("7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11", "general", "question", BOB,
                "2026-11-24T10:20:30.123Z", null);
        ChatMessage elsewhere = new ChatMessage("8e1d6b63-1f5f-4d68-8e5b-2a1e4d9c3f22", "design", "other", BOB,
                "2026-11-24T10:20:30.123Z", null);
        ingest.stored = new StoredMessages() {
            @Override
            public ChatMessage visible(String id, String userId) {
                if (id.equals(original.id())) {
                    return original;
                }
                if (id.equals(elsewhere.id())) {
                    return elsewhere;
                }
                throw new io.chatapp.rooms.MessageNotFoundException(id);
            }
        };
        CompletionStage<ChatMessage> reply = ingest.ingest(ALICE, new NewMessage("general", "@bob yes", null, original.id()));
        publisher.acknowledge(0);
        ChatMessage accepted = await(reply);
        assertEquals(original.id(), accepted.replyTo());
        assertEquals(List.of(BOB.id()), accepted.mentions());

        for (String wrong : List.of(elsewhere.id(), "9f2e7c74-2a6a-4e79-9f6c-3b2f5e0d4a33")) {
            var refused = assertThrows(io.chatapp.rooms.InvalidFieldException.class,
                    () -> ingest.ingest(ALICE, new NewMessage("general", "yes", null, wrong)));
            assertEquals("replyTo", refused.field());
        }
        assertEquals(1, publisher.published.size(), "a refused reply publishes nothing");
    }

    @Test
    void aFailedWriteIsReportedAsNotDurable() {
        CompletionStage<ChatMessage> accepted = ingest.ingest(ALICE, new NewMessage("general", "hi", null));
        publisher.fail(0);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(accepted));
        assertInstanceOf(NotDurableException.class, failure.getCause());
        assertEquals(0, metrics.ingested);
    }

    @Test
    void aRetryWhileTheFirstAttemptIsInFlightPublishesNothingNew() throws Exception {
        CompletionStage<ChatMessage> first = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1"));
        CompletionStage<ChatMessage> retry = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1"));
        publisher.acknowledge(0);

        assertEquals(1, publisher.published.size());
        assertEquals(await(first), await(retry));
    }

    @Test
    void aRetryAfterAcceptanceGetsTheSameMessage() throws Exception {
        CompletionStage<ChatMessage> first = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1"));
        publisher.acknowledge(0);
        ChatMessage accepted = await(first);

        ChatMessage retried = await(ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1")));

        assertEquals(accepted, retried);
        assertEquals(1, publisher.published.size());
        assertEquals(1, metrics.ingested);
    }

    @Test
    void aRetryAfterAFailedAttemptPublishesAgainWithTheSameId() throws Exception {
        CompletionStage<ChatMessage> first = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1"));
        publisher.fail(0);
        assertThrows(ExecutionException.class, () -> await(first));

        CompletionStage<ChatMessage> retry = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1"));
        publisher.acknowledge(1);

        assertEquals(2, publisher.published.size());
        assertEquals(publisher.published.get(0).id(), await(retry).id());
    }

    @Test
    void theSameClientIdFromAnotherSenderIsAnotherMessage() throws Exception {
        CompletionStage<ChatMessage> fromAlice = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-1"));
        CompletionStage<ChatMessage> fromBob = ingest.ingest(BOB, new NewMessage("general", "hi", "c-1"));
        publisher.acknowledge(0);
        publisher.acknowledge(1);

        assertEquals(2, publisher.published.size());
        assertNotEquals(await(fromAlice).id(), await(fromBob).id());
    }

    @Test
    void anInvalidMessageIsRefusedBeforeAnythingIsPublished() {
        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class,
                () -> ingest.ingest(ALICE, new NewMessage("Not A Room", "hi", null)));
        assertEquals(1, refused.getConstraintViolations().size());
        assertEquals(0, publisher.published.size());
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThrows(ConstraintViolationException.class, () -> ingest.ingest(ALICE, null));
        assertEquals(0, publisher.published.size());
    }

    @Test
    void aPublisherThatThrowsIsReportedAsNotDurable() {
        ingest.publisher = new EventPublisher() {
            @Override
            public <E extends ChatEvent> CompletionStage<E> publish(E event) {
                throw new IllegalStateException("emitter buffer full");
            }
        };
        CompletionStage<ChatMessage> accepted = ingest.ingest(ALICE, new NewMessage("general", "hi", "c-9"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(accepted));
        assertInstanceOf(NotDurableException.class, failure.getCause());
    }

    @Test
    void aSenderPastTheBurstIsRefusedWithTheWaitAndPublishesNothing() {
        for (int i = 0; i < 3; i++) {
            ingest.ingest(ALICE, new NewMessage("general", "burst " + i, null));
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> ingest.ingest(ALICE, new NewMessage("general", "one too many", null)));
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(3, publisher.published.size());
        assertEquals(1, metrics.refusedPosting);
    }

    @Test
    void eachSenderHasAnAllowanceOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            ingest.ingest(ALICE, new NewMessage("general", "burst " + i, null));
        }
        ingest.ingest(BOB, new NewMessage("general", "bob is not limited by alice", null));
        assertEquals(4, publisher.published.size());
    }

    @Test
    void anInvalidMessageDoesNotUseTheAllowance() {
        for (int i = 0; i < 5; i++) {
            assertThrows(ConstraintViolationException.class, () -> ingest.ingest(ALICE, new NewMessage("general", " ", null)));
        }
        ingest.ingest(ALICE, new NewMessage("general", "still allowed", null));
        assertEquals(1, publisher.published.size());
    }
}
