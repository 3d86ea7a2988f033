package io.chatapp.messaging;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a stream's items to a handler in batches, in the order they arrived: each batch is
 * everything that arrived while the one before was handled, so a batch is a single item when
 * items come one at a time and grows only when the handler is what they wait for. No timer
 * holds an item back.
 * <p>
 * At most {@code window} items are asked for and not yet handled; an item is asked for again
 * once the batch it came in has been handled. Batches are handled one at a time, on the
 * executor's threads, never on the thread that delivers the items, so that the source goes on
 * delivering while a batch is handled.
 */
final class BatchingSubscriber<T> implements Subscriber<T> {

    private static final Logger LOG = Logger.getLogger(BatchingSubscriber.class.getName());

    private final int window;
    private final Executor executor;
    private final Consumer<List<T>> handler;
    private final Queue<T> arrived = new ConcurrentLinkedQueue<>();
    /** Items arrived and not yet taken into a batch; the drain runs while it is above 0. */
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Subscription subscription;

    /**
     * @param window   the most items asked for and not yet handled, and so the largest batch
     * @param executor where batches are handled
     * @param handler  handles one batch; it returns once the batch is done with
     */
    BatchingSubscriber(int window, Executor executor, Consumer<List<T>> handler) {
        if (window < 1) {
            throw new IllegalArgumentException("the window must be at least 1, not " + window);
        }
        this.window = window;
        this.executor = executor;
        this.handler = handler;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        if (this.subscription != null) {
            subscription.cancel();
            return;
        }
        this.subscription = subscription;
        subscription.request(window);
    }

    @Override
    public void onNext(T item) {
        arrived.add(item);
        if (waiting.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int taken;
        do {
            List<T> batch = new ArrayList<>();
            for (T item; batch.size() < window && (item = arrived.poll()) != null; ) {
                batch.add(item);
            }
            taken = batch.size();
            if (taken == 0) {
                // Counted after an earlier batch had already taken it.
                continue;
            }
            try {
                handler.accept(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A batch of " + taken + " items failed to be handled", e);
            }
            subscription.request(taken);
        } while (waiting.addAndGet(-taken) > 0);
    }

    @Override
    public void onError(Throwable failure) {
        LOG.log(Level.SEVERE, "The stream of items failed", failure);
    }

    @Override
    public void onComplete() {
        LOG.fine("The stream of items completed");
    }
}
