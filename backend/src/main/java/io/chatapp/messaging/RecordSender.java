package io.chatapp.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Hands records to the {@code chat-out} channel on a Fault Tolerance thread, never on the
 * caller's: while Kafka is down the connector's send blocks (up to the producer's
 * {@code max.block.ms}), and no request may wait on that.
 * <p>
 * One record at a time: the emitter hands records over under a lock, so a second thread could
 * only wait on it, and every waiting thread is one the server's executor no longer has for
 * requests. The others wait in the bulkhead's queue; beyond it a send fails at once. A record
 * still waiting when its hand-over deadline has passed is never sent: its caller has been
 * answered that it was not accepted.
 */
@ApplicationScoped
public class RecordSender {

    private final Clock clock;

    @Inject
    @Channel("chat-out")
    Emitter<ProducerRecord<String, String>> emitter;

    public RecordSender() {
        this(Clock.systemUTC());
    }

    RecordSender(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param handOverBy when the record must have reached the producer, for the broker's answer
     *                   to come within the caller's wait
     * @return a stage that completes when the broker has the record; failed with a
     * {@link TimeoutException}, the record unsent, when the deadline passed first
     */
    @Asynchronous
    @Bulkhead(value = 1, waitingTaskQueue = 1000)
    public CompletionStage<Void> send(ProducerRecord<String, String> record, Instant handOverBy) {
        if (clock.instant().isAfter(handOverBy)) {
            return CompletableFuture.failedFuture(new TimeoutException("The record waited past " + handOverBy + " to be sent"));
        }
        return emitter.send(record);
    }
}
