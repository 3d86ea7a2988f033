package io.chatapp.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomTallyTest {

    /** Two rooms of two members, one client each: clients 0 and 2 in room 0, 1 and 3 in room 1. */
    private final RoomLayout layout = new RoomLayout(2, 2, 4);

    @Test
    void everyClientOfEveryRoomReceivingItsMessagesLosesNothing() {
        RoomTally tally = new RoomTally(layout);
        for (int message = 0; message < 3; message++) {
            for (int client = 0; client < 4; client++) {
                if (layout.roomOfClient(client) == layout.roomOf(message)) {
                    assertTrue(tally.received(client, layout.roomOf(message)));
                }
            }
        }
        assertEquals(6, tally.delivered());
        assertEquals(tally.expected(3), tally.delivered());
        assertEquals(0, tally.lost(3));
        assertEquals(0, tally.clientsShort(3));
        assertEquals(0, tally.misdelivered());
    }

    @Test
    void aClientMissingItsRoomIsCountedOnceHoweverManyMessagesItMissed() {
        RoomTally tally = new RoomTally(layout);
        // Messages 0 to 3: rooms 0, 1, 0, 1. Client 2 (room 0) receives none of its two.
        for (int message = 0; message < 4; message++) {
            for (int client : new int[] {0, 1, 3}) {
                if (layout.roomOfClient(client) == layout.roomOf(message)) {
                    tally.received(client, layout.roomOf(message));
                }
            }
        }
        assertEquals(2, tally.lost(4));
        assertEquals(1, tally.clientsShort(4));
    }

    @Test
    void aMessageOfAnotherRoomIsMisdeliveredNotDelivered() {
        RoomTally tally = new RoomTally(layout);
        assertFalse(tally.received(1, 0), "client 1's user is in room 1");
        assertFalse(tally.received(0, 7), "no such room");
        assertEquals(2, tally.misdelivered());
        assertEquals(0, tally.delivered());
        assertEquals(2, tally.lost(1), "message 0 of room 0 never reached clients 0 and 2");
    }

    @Test
    void aRoomReceivingTwiceDoesNotMakeUpForOneThatMissedOut() {
        RoomTally tally = new RoomTally(layout);
        // Messages 0 (room 0) and 1 (room 1): room 0's clients received theirs twice, room 1's none.
        for (int time = 0; time < 2; time++) {
            tally.received(0, 0);
            tally.received(2, 0);
        }
        assertEquals(4, tally.delivered());
        assertEquals(tally.expected(2), tally.delivered());
        assertEquals(2, tally.lost(2));
    }

    @Test
    void aMessageTheServerDidNotAcceptIsOwedToNoOne() {
        RoomTally tally = new RoomTally(layout);
        // Messages 0 to 3 (rooms 0, 1, 0, 1) were sent; message 1 was refused, so room 1 is owed message 3 only.
        tally.notAccepted(1);
        for (int message : new int[] {0, 2, 3}) {
            for (int client = 0; client < 4; client++) {
                if (layout.roomOfClient(client) == layout.roomOf(message)) {
                    tally.received(client, layout.roomOf(message));
                }
            }
        }
        assertEquals(6, tally.expected(4));
        assertEquals(6, tally.delivered());
        assertEquals(0, tally.lost(4));
        assertEquals(0, tally.clientsShort(4));
    }

    @Test
    void aRefusedMessageDoesNotHideOneLostInAnotherRoom() {
        RoomTally tally = new RoomTally(layout);
        // Message 1 (room 1) was refused; message 0 (room 0) was accepted and reached only client 0.
        tally.notAccepted(1);
        tally.received(0, 0);
        assertEquals(2, tally.expected(2));
        assertEquals(1, tally.lost(2), "client 2 of room 0 is short");
        assertEquals(1, tally.clientsShort(2));
    }
}
