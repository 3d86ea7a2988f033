package io.chatapp.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchingSubscriberTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final Source source = new Source();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void itemsThatArriveWhileABatchIsHandledAreTheNextBatchInTheirOrder() throws InterruptedException {
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        subscribe(10, batch -> {
            if (batches.isEmpty()) {
                firstTaken.countDown();
                await(release);
            }
            batches.add(batch);
        });

        source.emit(0);
        assertTrue(firstTaken.await(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 4; i++) {
            source.emit(i);
        }
        release.countDown();

        awaitHandled(5);
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4)), batches);
    }

    @Test
    void neverMoreThanTheWindowIsAskedForAndNotHandled() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        subscribe(3, batch -> {
            await(release);
            batches.add(batch);
        });
        assertEquals(3, source.requested.get(), "the window at first");

        source.emit(0);
        source.emit(1);
        source.emit(2);
        assertEquals(0, source.requested.get(), "nothing more before a batch is handled");
        release.countDown();

        awaitHandled(3);
        assertEquals(3, source.requested.get(), "asked for again once handled");
        for (int i = 3; i < 10; i++) {
            awaitRequested(1);
            source.emit(i);
        }
        awaitHandled(10);
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 3), batches::toString);
        assertEquals(IntStream.range(0, 10).boxed().toList(), batches.stream().flatMap(List::stream).toList());
    }

    @Test
    void aBatchThatFailsIsLeftAndTheItemsAfterItAreHandled() throws InterruptedException {
        subscribe(5, batch -> {
            if (batch.contains(0)) {
                throw new IllegalStateException("a bug");
            }
            batches.add(batch);
        });

        source.emit(0);
        awaitRequested(5);
        source.emit(1);

        awaitHandled(1);
        assertEquals(List.of(List.of(1)), batches);
    }

    @Test
    void aWindowOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchingSubscriber<Integer>(0, executor, batch -> { }));
    }

    private void subscribe(int window, Consumer<List<Integer>> handler) {
        BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>(window, executor, batch -> handler.accept(new ArrayList<>(batch)));
        source.subscriber = subscriber;
        subscriber.onSubscribe(source);
    }

    private void awaitHandled(int items) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (batches.stream().mapToInt(List::size).sum() < items) {
            assertTrue(System.nanoTime() < deadline, () -> "handled so far: " + batches);
            Thread.sleep(5);
        }
        // The items are asked for again after the handler returns.
        awaitIdle();
    }

    private void awaitRequested(long requested) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (source.requested.get() < requested) {
            assertTrue(System.nanoTime() < deadline, () -> "requested: " + source.requested.get());
            Thread.sleep(5);
        }
    }

    private void awaitIdle() throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        executor.execute(idle::countDown);
        assertTrue(idle.await(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A source that emits only what was asked for, on the test's thread, as the connector does on its own. */
    private static final class Source implements Subscription {
        final AtomicLong requested = new AtomicLong();
        BatchingSubscriber<Integer> subscriber;

        void emit(int item) {
            assertTrue(requested.getAndDecrement() > 0, "emitted more than was asked for");
            subscriber.onNext(item);
        }

        @Override
        public void request(long n) {
            assertTrue(n > 0, "asked for " + n);
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
        }
    }
}
