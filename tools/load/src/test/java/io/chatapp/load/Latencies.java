package io.chatapp.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /** Windows this long of these latencies, with nothing measured after the server's stamp. */
    static List<WindowWriter.Window> windows(Duration window, Latency... latencies) {
        List<Latency> afterStamp = new ArrayList<>();
        for (Latency ignored : latencies) {
            afterStamp.add(new Latency());
        }
        return WindowWriter.of(List.of(latencies), afterStamp, window);
    }
}
