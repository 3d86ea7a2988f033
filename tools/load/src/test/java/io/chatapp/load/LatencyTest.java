package io.chatapp.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyTest {

    @Test
    void percentilesAreInMillisecondsToThreeSignificantDigits() {
        Latency latency = new Latency();
        for (int i = 1; i <= 1000; i++) {
            latency.recordNanos(i * 1_000_000L);
        }
        assertEquals(1000, latency.count());
        assertEquals(500, latency.millisAt(50), 0.5);
        assertEquals(990, latency.millisAt(99), 1);
        assertEquals(1000, latency.maxMillis(), 1);
    }
}
