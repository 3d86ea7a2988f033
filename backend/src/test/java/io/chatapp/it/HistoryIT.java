package io.chatapp.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History pages backwards from the newest message, each page oldest first; rooms list their last activity. */
@MicroShedTest
public class HistoryIT {

    private static Chat alice;

    @BeforeAll
    static void signIn() {
        alice = Chat.as("alice");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(message -> message.getString("id")).toList();
    }

    @Test
    void pagesWalkBackThroughTheWholeRoom() {
        String room = Chat.freshRoom("pages");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(alice.post(room, "message " + i).getString("id"));
        }
        alice.awaitStored(room, posted.get(4));

        JsonObject newest = alice.history(room, 2, null);
        assertEquals(posted.subList(3, 5), ids(newest));
        assertTrue(newest.getBoolean("hasMore"));

        JsonObject middle = alice.history(room, 2, posted.get(3));
        assertEquals(posted.subList(1, 3), ids(middle));
        assertTrue(middle.getBoolean("hasMore"));

        JsonObject oldest = alice.history(room, 2, posted.get(1));
        assertEquals(posted.subList(0, 1), ids(oldest));
        assertFalse(oldest.getBoolean("hasMore"));

        JsonObject all = alice.history(room, null, null);
        assertEquals(posted, ids(all));
        assertFalse(all.getBoolean("hasMore"));
    }

    @Test
    void anEmptyRoomHasAnEmptyHistory() {
        JsonObject page = alice.history(Chat.freshRoom("empty"), null, null);
        assertEquals(0, page.getJsonArray("messages").size());
        assertFalse(page.getBoolean("hasMore"));
    }

    @Test
    void roomsListTheirLastMessageTime() {
        String room = Chat.freshRoom("rooms");
        JsonObject last = alice.post(room, "latest");
        alice.awaitStored(room, last.getString("id"));

        // Posting made alice a member: the room is among hers.
        JsonObject listed = Chat.await("room " + room + " among alice's", Duration.ofSeconds(10), () ->
                Chat.array(alice.api.rooms()).getValuesAs(JsonObject.class).stream()
                        .filter(entry -> entry.getString("room").equals(room)).findFirst().orElse(null));
        assertEquals(last.getString("timestamp"), listed.getString("lastMessageAt"));

        List<Instant> order = Chat.array(alice.api.rooms()).getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.containsKey("lastMessageAt"))
                .map(entry -> Instant.parse(entry.getString("lastMessageAt"))).toList();
        for (int i = 1; i < order.size(); i++) {
            assertFalse(order.get(i).isAfter(order.get(i - 1)), "most recently active first");
        }
    }
}
