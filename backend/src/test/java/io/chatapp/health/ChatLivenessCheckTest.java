package io.chatapp.health;

import org.junit.jupiter.api.Test;

import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatLivenessCheckTest {

    private static final long MAX = 1_000_000_000L;

    @Test
    void aHeapNearlyFullAfterItsLastCollectionIsExhausted() {
        assertTrue(ChatLivenessCheck.exhausted(List.of(afterCollection(10_000_000L), afterCollection(960_000_000L))));
    }

    @Test
    void aHeapTheLastCollectionEmptiedIsNotWhateverItHoldsNow() {
        // Used now is not what the check reads: a busy heap is full between collections.
        assertFalse(ChatLivenessCheck.exhausted(List.of(afterCollection(300_000_000L))));
    }

    @Test
    void poolsNotCollectedYetOrWithoutALimitAreNotExhausted() {
        assertFalse(ChatLivenessCheck.exhausted(Arrays.asList(null, new MemoryUsage(0, 0, 0, -1), new MemoryUsage(0, 990, 1000, -1))));
    }

    @Test
    void theCheckReadsThisJvmsCollectedHeapPools() {
        System.gc();
        List<MemoryUsage> pools = ChatLivenessCheck.heapAfterLastCollection();
        assertFalse(pools.isEmpty(), "a JVM whose heap pools report nothing after collections would always be alive");
        assertFalse(ChatLivenessCheck.exhausted(pools));
    }

    private static MemoryUsage afterCollection(long used) {
        return new MemoryUsage(0, used, MAX, MAX);
    }
}
