package io.chatapp.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded memory of the ids seen most recently: answers "seen before?" for the last {@code capacity} ids. */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the id; true if it was not remembered already. */
    synchronized boolean firstSighting(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
