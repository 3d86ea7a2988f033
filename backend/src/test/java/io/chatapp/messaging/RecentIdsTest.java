package io.chatapp.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentIdsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RecentIds ids = new RecentIds(1_000, Duration.ofMinutes(10), nanos::get);

    @Test
    void anIdIsNewOnlyOnce() {
        assertTrue(ids.firstSighting("a"));
        assertFalse(ids.firstSighting("a"));
        assertTrue(ids.firstSighting("b"));
    }

    @Test
    void anIdIsRememberedForTheWindowOnly() {
        ids.firstSighting("a");
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertFalse(ids.firstSighting("a"));

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertTrue(ids.firstSighting("a"), "ten minutes after its first sighting an id is new again");
    }
}
