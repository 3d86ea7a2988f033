package io.chatapp.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/** Latencies in microseconds, recorded from many threads at once, up to an hour, to 3 significant digits. */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile, in milliseconds. */
    double millisAt(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d samples)",
                millisAt(50), millisAt(99), millisAt(99.9), maxMillis(), count());
    }
}
