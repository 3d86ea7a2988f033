package io.chatapp.messaging;

import io.chatapp.testing.MovingClock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordSenderTest {

    private final List<ProducerRecord<String, String>> sent = new ArrayList<>();
    private final List<Runnable> waiting = new ArrayList<>();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordSender sender = new RecordSender(clock, waiting::add);

    RecordSenderTest() {
        sender.emitter = new RecordingEmitter();
    }

    @Test
    void aRecordHandedOverInTimeIsSent() throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("chat-messages", "general", "{}");
        CompletionStage<Void> acknowledged = sender.send(record, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(4));
        waiting.forEach(Runnable::run);

        acknowledged.toCompletableFuture().get();
        assertEquals(List.of(record), sent);
    }

    @Test
    void aRecordThatWaitedPastItsTimeIsNeverSent() {
        CompletionStage<Void> late = sender.send(new ProducerRecord<>("chat-messages", "general", "{}"), Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(6));
        waiting.forEach(Runnable::run);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> late.toCompletableFuture().get());
        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertTrue(sent.isEmpty(), "a caller already told its event was not accepted must not see it on the topic later");
    }

    @Test
    void aRecordBeyondTheQueueFailsAtOnce() {
        RecordSender full = new RecordSender(clock, task -> {
            throw new RejectedExecutionException("full");
        });
        full.emitter = new RecordingEmitter();
        CompletionStage<Void> refused = full.send(new ProducerRecord<>("chat-messages", "general", "{}"), Duration.ofSeconds(5));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.toCompletableFuture().get());
        assertInstanceOf(RejectedExecutionException.class, failure.getCause());
        assertTrue(sent.isEmpty());
    }

    private final class RecordingEmitter implements Emitter<ProducerRecord<String, String>> {
        @Override
        public CompletionStage<Void> send(ProducerRecord<String, String> record) {
            sent.add(record);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <M extends Message<? extends ProducerRecord<String, String>>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
