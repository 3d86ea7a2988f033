package io.chatapp.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;

/**
 * A bounded memory of the event ids seen lately: answers "seen before?" for ids seen within
 * {@code window}, and for at most {@code capacity} of them. A second copy of an event (a
 * client's retry that reached Kafka twice) follows the first within seconds.
 */
final class RecentIds {

    private final Cache<String, Boolean> ids;

    RecentIds(int capacity, Duration window) {
        this(capacity, window, Ticker.systemTicker());
    }

    RecentIds(int capacity, Duration window, Ticker ticker) {
        this.ids = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(window).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** Remembers the id; true if it was not remembered already. */
    boolean firstSighting(String id) {
        return ids.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }
}
