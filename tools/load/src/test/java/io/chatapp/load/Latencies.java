package io.chatapp.load;

/** Latencies made of known values, for the tests of what reports them. */
final class Latencies {

    private Latencies() {
    }

    static Latency millis(double... values) {
        Latency latency = new Latency();
        for (double value : values) {
            latency.recordNanos((long) (value * 1_000_000));
        }
        return latency;
    }
}
