package io.chatapp.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageJsonTest {

    private static final ChatMessage MESSAGE = new ChatMessage("7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11", "general",
            "<b>hi</b> \"there\"", new Sender("sub-1", "Alice"), "2026-11-24T10:20:30.123Z", "c-1");

    @Test
    void writesTheContractsShape() {
        assertEquals("{\"id\":\"7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11\",\"room\":\"general\","
                        + "\"text\":\"<b>hi</b> \\\"there\\\"\",\"sender\":{\"id\":\"sub-1\",\"name\":\"Alice\"},"
                        + "\"timestamp\":\"2026-11-24T10:20:30.123Z\",\"clientMessageId\":\"c-1\",\"version\":1}",
                MessageJson.toJson(MESSAGE));
    }

    @Test
    void leavesOutAClientIdThatWasNotSent() {
        ChatMessage withoutClientId = new ChatMessage(MESSAGE.id(), MESSAGE.room(), MESSAGE.text(), MESSAGE.sender(),
                MESSAGE.timestamp(), null);
        assertEquals(-1, MessageJson.toJson(withoutClientId).indexOf("clientMessageId"));
    }

    @Test
    void readsWhatItWrites() {
        assertEquals(MESSAGE, MessageJson.fromJson(MessageJson.toJson(MESSAGE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "null", "{\"room\":[1,2]}"})
    void refusesWhatIsNotAMessagesShape(String json) {
        assertThrows(IllegalArgumentException.class, () -> MessageJson.fromJson(json));
    }

    @Test
    void writesAChangedMessageWithItsVersionEditAndReactions() {
        ChatMessage changed = MESSAGE.edited("fixed", null, java.time.Instant.parse("2026-11-24T10:21:00Z")).reacted("👍", "sub-2", true);
        String json = MessageJson.toJson(changed);
        assertEquals(true, json.endsWith("\"version\":3,\"editedAt\":\"2026-11-24T10:21:00.000Z\","
                + "\"reactions\":[{\"emoji\":\"👍\",\"count\":1,\"users\":[\"sub-2\"]}]}"), json);
        assertEquals(changed, MessageJson.fromJson(json));
        String tombstone = MessageJson.toJson(changed.deletedState());
        assertEquals(true, tombstone.contains("\"text\":\"\"") && tombstone.contains("\"deleted\":true")
                && !tombstone.contains("reactions"), tombstone);
    }
}
