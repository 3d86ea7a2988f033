package io.chatapp.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands out send times at a fixed rate to any number of threads, for a set duration: the n-th
 * send is due at start + n / rate. Sends are not skipped when the system falls behind, so the
 * latency a late send sees counts from when it was due (no coordinated omission).
 */
final class Pacer {

    private final long startNanos;
    private final long endNanos;
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong();

    /** @param rate sends a second; 0: no pacing, as fast as callers come */
    Pacer(int rate, Duration duration) {
        this.startNanos = System.nanoTime();
        this.endNanos = startNanos + duration.toNanos();
        this.intervalNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
    }

    /**
     * Waits for the next send's time.
     *
     * @return when that send was due (System.nanoTime), or -1 once the duration is over
     */
    long awaitNext() {
        long due = startNanos + next.getAndIncrement() * intervalNanos;
        if (intervalNanos == 0) {
            due = System.nanoTime();
        }
        if (due >= endNanos) {
            return -1;
        }
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
