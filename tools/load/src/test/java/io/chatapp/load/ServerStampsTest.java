package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerStampsTest {

    private final ServerStamps stamps = new ServerStamps();

    @Test
    void aStampIsPlacedOnTheNanoTimeScale() {
        String secondAgo = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now().minusSeconds(1));
        long before = System.nanoTime();
        long stamp = stamps.nanoTimeOf("{\"type\":\"message\",\"message\":{\"id\":\"x\",\"text\":\"hi\",\"timestamp\":\"" + secondAgo
                + "\",\"editedAt\":\"2020-01-01T00:00:00.000Z\"}}");
        long agoMillis = (before - stamp) / 1_000_000;
        assertTrue(agoMillis >= 995 && agoMillis <= 1_100, agoMillis + " ms");
    }

    @Test
    void theDateCountsNotOnlyTheTimeOfDay() {
        long newYear = stamps.nanoTimeOf("\"timestamp\":\"2027-01-01T00:00:00.000Z\"");
        long eve = stamps.nanoTimeOf("\"timestamp\":\"2026-12-31T23:59:59.999Z\"");
        assertEquals(1_000_000, newYear - eve);
    }

    @Test
    void aFrameWithoutAStampHasNone() {
        assertEquals(ServerStamps.NONE, stamps.nanoTimeOf("{\"type\":\"presence\",\"online\":true}"));
        assertEquals(ServerStamps.NONE, stamps.nanoTimeOf("{\"timestamp\":\"2026-12-31\"}"));
    }
}
