package io.chatapp.messaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentIdsTest {

    @Test
    void anIdIsNewOnlyOnce() {
        RecentIds ids = new RecentIds(3);
        assertTrue(ids.firstSighting("a"));
        assertFalse(ids.firstSighting("a"));
        assertTrue(ids.firstSighting("b"));
    }

    @Test
    void onlyTheMostRecentIdsAreRemembered() {
        RecentIds ids = new RecentIds(2);
        ids.firstSighting("a");
        ids.firstSighting("b");
        ids.firstSighting("c");
        assertTrue(ids.firstSighting("a"));
        assertFalse(ids.firstSighting("c"));
    }
}
