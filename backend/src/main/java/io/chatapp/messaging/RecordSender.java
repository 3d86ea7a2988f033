package io.chatapp.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands records to the {@code events} channel on a thread of its own, never on the caller's:
 * while Kafka is down the connector's send blocks (up to the producer's {@code max.block.ms}),
 * and no request may wait on that.
 * <p>
 * The thread is not one of the server's executor, which runs the requests: requests that wait
 * for their record's acknowledgement would otherwise hold the threads the hand-over needs. One
 * thread is enough, as the emitter hands over one record at a time under a lock. Records wait
 * in a bounded queue; beyond it a send fails at once. A record still waiting when its
 * hand-over deadline has passed is never sent: its caller has been answered that it was not
 * accepted.
 */
@ApplicationScoped
public class RecordSender {

    static final int MAX_WAITING = 1000;

    private final Clock clock;

    @Inject
    @Channel("events")
    Emitter<ProducerRecord<String, String>> emitter;

    @Resource
    ManagedThreadFactory threads;

    private Executor handOver;

    public RecordSender() {
        this(Clock.systemUTC(), null);
    }

    RecordSender(Clock clock, Executor handOver) {
        this.clock = clock;
        this.handOver = handOver;
    }

    @PostConstruct
    void start() {
        if (handOver == null) {
            handOver = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING), threads);
        }
    }

    /** Hands over what is waiting, then ends the thread. */
    @PreDestroy
    void stop() {
        if (handOver instanceof ExecutorService executor) {
            executor.shutdown();
        }
    }

    /**
     * @param handOverWithin how soon from now the record must have reached the producer, for the
     *                       broker's answer to come within the caller's wait
     * @return a stage that completes when the broker has the record; failed with a
     * {@link TimeoutException}, the record unsent, when that time passed first, and with a
     * {@link RejectedExecutionException} when too many records are waiting
     */
    public CompletionStage<Void> send(ProducerRecord<String, String> record, Duration handOverWithin) {
        Instant handOverBy = clock.instant().plus(handOverWithin);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            handOver.execute(() -> handOver(record, handOverBy, acknowledged));
        } catch (RejectedExecutionException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private void handOver(ProducerRecord<String, String> record, Instant handOverBy, CompletableFuture<Void> acknowledged) {
        if (clock.instant().isAfter(handOverBy)) {
            acknowledged.completeExceptionally(new TimeoutException("The record waited past " + handOverBy + " to be sent"));
            return;
        }
        try {
            emitter.send(record).whenComplete((done, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
    }
}
