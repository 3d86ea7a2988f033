package io.chatapp.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The posters whose next message in a room asks nothing of the rooms in the store: a message's
 * side effect there (making its poster a member of a public room) was applied by this consumer
 * and has not been undone by a leave since. It spares the persistence path two reads for nearly
 * every message.
 * <p>
 * It is only as good as this consumer's view of the room's events, which all travel through one
 * partition: when the offsets read from a partition skip or go back (another instance had the
 * partition meanwhile, or records are read again) everything known is forgotten.
 */
final class KnownPosters {

    private record Poster(String room, String userId) {
    }

    private final Cache<Poster, Boolean> known = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Map<Integer, Long> lastOffsets = new ConcurrentHashMap<>();

    /** Called for every record read, in the partition's order. */
    void read(int partition, long offset) {
        Long last = lastOffsets.put(partition, offset);
        if (last != null && last + 1 != offset) {
            known.invalidateAll();
        }
    }

    boolean isKnown(String room, String userId) {
        return known.getIfPresent(new Poster(room, userId)) != null;
    }

    void remember(String room, String userId) {
        known.put(new Poster(room, userId), Boolean.TRUE);
    }

    /** A leave undoes what a post did. */
    void forget(String room, String userId) {
        known.invalidate(new Poster(room, userId));
    }

    /** A room created now may not be the room the earlier posts made. */
    void forgetAll() {
        known.invalidateAll();
    }
}
