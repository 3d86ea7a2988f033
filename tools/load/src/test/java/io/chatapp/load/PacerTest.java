package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest {

    @Test
    void handsOutSendTimesAtTheRateForTheDuration() {
        Pacer pacer = new Pacer(100, Duration.ofMillis(200));
        long first = pacer.awaitNext();
        long second = pacer.awaitNext();
        assertEquals(10_000_000L, second - first);
        int sends = 2;
        while (pacer.awaitNext() != -1) {
            sends++;
        }
        assertEquals(20, sends);
    }

    @Test
    void aLateCallerStillGetsTheTimeItsSendWasDue() throws InterruptedException {
        Pacer pacer = new Pacer(10, Duration.ofSeconds(1));
        long first = pacer.awaitNext();
        Thread.sleep(300);
        long second = pacer.awaitNext();
        assertEquals(100_000_000L, second - first, "the second send was due 100 ms after the first, not when it was asked for");
        assertTrue(System.nanoTime() - second >= 150_000_000L);
    }
}
