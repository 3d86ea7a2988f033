package io.chatapp.ingest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RetryMemoryTest {

    @Test
    void theFirstClaimWinsAndLaterOnesSeeIt() {
        RetryMemory memory = new RetryMemory(10);
        CompletableFuture<String> first = new CompletableFuture<>();
        assertNull(memory.claim("alice", "c-1", first));
        assertSame(first, memory.claim("alice", "c-1", new CompletableFuture<String>()));
    }

    @Test
    void forgettingOnlyRemovesTheSameAttempt() {
        RetryMemory memory = new RetryMemory(10);
        CompletableFuture<String> first = new CompletableFuture<>();
        memory.claim("alice", "c-1", first);
        memory.forget("alice", "c-1", new CompletableFuture<String>());
        assertSame(first, memory.claim("alice", "c-1", new CompletableFuture<String>()));
        memory.forget("alice", "c-1", first);
        assertNull(memory.claim("alice", "c-1", new CompletableFuture<String>()));
    }

    @Test
    void theOldestPairsAreForgottenBeyondCapacity() {
        RetryMemory memory = new RetryMemory(2);
        memory.claim("alice", "c-1", new CompletableFuture<String>());
        memory.claim("alice", "c-2", new CompletableFuture<String>());
        memory.claim("alice", "c-3", new CompletableFuture<String>());
        assertNull(memory.claim("alice", "c-1", new CompletableFuture<String>()));
    }

    @Test
    void sendersAndClientIdsDoNotBleedIntoEachOther() {
        RetryMemory memory = new RetryMemory(10);
        memory.claim("a:b", "c", new CompletableFuture<String>());
        assertNull(memory.claim("a", "b:c", new CompletableFuture<String>()));
    }
}
