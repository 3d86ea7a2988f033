package io.chatapp.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers, for the {@code (sender, clientMessageId)} pairs of the last {@code window} (at
 * most {@code capacity} of them), the outcome of the first attempt, so that a retry gets the
 * same message instead of a second one. Across instances, and for a retry later than that, the
 * retry-stable message id and the idempotent store keep a retry from making a second message.
 */
final class RetryMemory {

    private final Cache<String, CompletableFuture<?>> attempts;

    RetryMemory(int capacity, Duration window) {
        this(capacity, window, Ticker.systemTicker());
    }

    RetryMemory(int capacity, Duration window, Ticker ticker) {
        this.attempts = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(window).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /**
     * Records {@code attempt} as the first attempt for the pair, unless there is one already.
     *
     * @return the earlier attempt, or null if {@code attempt} is now the one
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> claim(String senderId, String clientMessageId, CompletableFuture<T> attempt) {
        return (CompletableFuture<T>) attempts.asMap().putIfAbsent(key(senderId, clientMessageId), attempt);
    }

    void forget(String senderId, String clientMessageId, CompletableFuture<?> attempt) {
        attempts.asMap().remove(key(senderId, clientMessageId), attempt);
    }

    private static String key(String senderId, String clientMessageId) {
        return senderId.length() + ":" + senderId + ":" + clientMessageId;
    }
}
