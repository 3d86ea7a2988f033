package io.chatapp.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RetryMemoryTest {

    @Test
    void theFirstClaimWinsAndLaterOnesSeeIt() {
        RetryMemory memory = new RetryMemory(10, Duration.ofMinutes(10));
        CompletableFuture<String> first = new CompletableFuture<>();
        assertNull(memory.claim("alice", "c-1", first));
        assertSame(first, memory.claim("alice", "c-1", new CompletableFuture<String>()));
    }

    @Test
    void forgettingOnlyRemovesTheSameAttempt() {
        RetryMemory memory = new RetryMemory(10, Duration.ofMinutes(10));
        CompletableFuture<String> first = new CompletableFuture<>();
        memory.claim("alice", "c-1", first);
        memory.forget("alice", "c-1", new CompletableFuture<String>());
        assertSame(first, memory.claim("alice", "c-1", new CompletableFuture<String>()));
        memory.forget("alice", "c-1", first);
        assertNull(memory.claim("alice", "c-1", new CompletableFuture<String>()));
    }

    @Test
    void aPairIsForgottenAfterTheWindow() {
        AtomicLong nanos = new AtomicLong();
        RetryMemory memory = new RetryMemory(10, Duration.ofMinutes(10), nanos::get);
        CompletableFuture<String> first = new CompletableFuture<>();
        memory.claim("alice", "c-1", first);
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertSame(first, memory.claim("alice", "c-1", new CompletableFuture<String>()));

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertNull(memory.claim("alice", "c-1", new CompletableFuture<String>()));
    }

    @Test
    void sendersAndClientIdsDoNotBleedIntoEachOther() {
        RetryMemory memory = new RetryMemory(10, Duration.ofMinutes(10));
        memory.claim("a:b", "c", new CompletableFuture<String>());
        assertNull(memory.claim("a", "b:c", new CompletableFuture<String>()));
    }
}
