package io.chatapp.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers, for the most recent {@code (sender, clientMessageId)} pairs, the outcome of the
 * first attempt, so that a retry gets the same message instead of a second one. Bounded:
 * the oldest pairs are forgotten first. Across instances, the retry-stable message id and
 * the idempotent store keep a retry that lands elsewhere from making a second message.
 */
final class RetryMemory {

    private final Map<String, CompletableFuture<?>> attempts;

    RetryMemory(int capacity) {
        this.attempts = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<?>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records {@code attempt} as the first attempt for the pair, unless there is one already.
     *
     * @return the earlier attempt, or null if {@code attempt} is now the one
     */
    @SuppressWarnings("unchecked")
    synchronized <T> CompletableFuture<T> claim(String senderId, String clientMessageId, CompletableFuture<T> attempt) {
        return (CompletableFuture<T>) attempts.putIfAbsent(key(senderId, clientMessageId), attempt);
    }

    synchronized void forget(String senderId, String clientMessageId, CompletableFuture<?> attempt) {
        attempts.remove(key(senderId, clientMessageId), attempt);
    }

    private static String key(String senderId, String clientMessageId) {
        return senderId.length() + ":" + senderId + ":" + clientMessageId;
    }
}
