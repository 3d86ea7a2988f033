package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomLayoutTest {

    @Test
    void theBenchmarksHundredRoomsOfTenHaveTenClientsEach() {
        RoomLayout layout = new RoomLayout(100, 10, 1000);
        assertEquals(1000, layout.users());
        Map<Integer, Integer> clientsByRoom = new HashMap<>();
        for (int client = 0; client < 1000; client++) {
            assertEquals(client, layout.userOfClient(client), "one client per user");
            assertEquals(client % 100, layout.roomOfClient(client));
            clientsByRoom.merge(layout.roomOfClient(client), 1, Integer::sum);
        }
        assertEquals(100, clientsByRoom.size());
        assertTrue(clientsByRoom.values().stream().allMatch(clients -> clients == 10), clientsByRoom.toString());
        for (int room = 0; room < 100; room++) {
            assertEquals(10, layout.clientsIn(room));
        }
    }

    @Test
    void eachMessageIsPostedByAMemberOfItsRoomAndTheRoomsTakeTurns() {
        RoomLayout layout = new RoomLayout(5, 10, 50);
        for (int message = 0; message < 500; message++) {
            assertEquals(message % 5, layout.roomOf(message));
            assertEquals(layout.roomOf(message), layout.roomOfUser(layout.posterOf(message)));
            assertTrue(layout.posterOf(message) < layout.users());
        }
    }

    @Test
    void aUserWithSeveralClientsHasThemAllInTheirRoom() {
        RoomLayout layout = new RoomLayout(3, 2, 14);
        for (int client = 0; client < 14; client++) {
            assertEquals(layout.roomOfUser(layout.userOfClient(client)), layout.roomOfClient(client));
        }
        assertEquals(5, layout.clientsIn(0), "clients 0, 3, 6, 9, 12");
        assertEquals(5, layout.clientsIn(1), "clients 1, 4, 7, 10, 13");
        assertEquals(4, layout.clientsIn(2), "clients 2, 5, 8, 11");
    }

    @Test
    void eachMessageIsExpectedAtTheClientsOfItsRoomOnly() {
        RoomLayout layout = new RoomLayout(3, 2, 14);
        assertEquals(3, layout.messagesIn(7, 0), "messages 0, 3, 6");
        assertEquals(2, layout.messagesIn(7, 1));
        assertEquals(2, layout.messagesIn(7, 2));
        assertEquals(3 * 5 + 2 * 5 + 2 * 4, new RoomTally(layout).expected(7));
        assertEquals(0, new RoomTally(layout).expected(0));
        assertEquals(1000L * 10, new RoomTally(new RoomLayout(100, 10, 1000)).expected(1000), "not 1000 to every client, as in fan-out");
    }

    @Test
    void oneRoomOfEveryUserIsFanOut() {
        RoomLayout everyone = new RoomLayout(1, 50, 100);
        assertEquals(60 * 100, new RoomTally(everyone).expected(60));
        assertEquals(7, everyone.userOfClient(57));
        assertEquals(7, everyone.posterOf(57));
    }

    @Test
    void roomIdsAreValidAndOfTheRun() {
        RunText text = new RunText("rooms");
        String id = RoomLayout.roomId(text.run, 99);
        assertTrue(id.matches("^[a-z0-9][a-z0-9_-]{0,39}$"), id);
        assertTrue(id.contains(text.run), id);
        assertTrue(!id.equals(RoomLayout.roomId(new RunText("rooms").run, 99)), "another run, other rooms");
    }

    @Test
    void aLayoutNeedsRoomsAndMembers() {
        assertThrows(IllegalArgumentException.class, () -> new RoomLayout(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new RoomLayout(10, 0, 10));
        assertEquals(0, new RoomTally(new RoomLayout(10, 1, 0)).expected(100), "no client, nothing expected");
    }
}
