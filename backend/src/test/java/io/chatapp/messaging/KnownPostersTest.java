package io.chatapp.messaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownPostersTest {

    private final KnownPosters posters = new KnownPosters();

    @Test
    void aPosterIsKnownInTheRoomOfTheirPostUntilTheyLeaveIt() {
        posters.read(0, 10);
        posters.remember("general", "alice");
        posters.remember("random", "alice");
        posters.read(0, 11);

        assertTrue(posters.isKnown("general", "alice"));
        assertFalse(posters.isKnown("general", "bob"));

        posters.forget("general", "alice");
        assertFalse(posters.isKnown("general", "alice"));
        assertTrue(posters.isKnown("random", "alice"));
    }

    @Test
    void offsetsThatSkipOrGoBackForgetEverything() {
        posters.read(0, 10);
        posters.read(1, 3);
        posters.remember("general", "alice");
        posters.read(1, 4);
        posters.read(0, 11);
        assertTrue(posters.isKnown("general", "alice"), "offsets read in a row keep what is known");

        posters.read(0, 15);
        assertFalse(posters.isKnown("general", "alice"), "another instance may have applied offsets 12 to 14");

        posters.remember("general", "alice");
        posters.read(1, 2);
        assertFalse(posters.isKnown("general", "alice"), "records read again may undo what was known");
    }

    @Test
    void aRoomCreatedForgetsEverything() {
        posters.remember("general", "alice");
        posters.forgetAll();
        assertFalse(posters.isKnown("general", "alice"));
    }
}
