package io.chatapp.load;

import io.chatapp.client.ChatClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTextTest {

    @Test
    void aClientFindsItsRunsNumbersInAMessageFrame() {
        RunText text = new RunText("rooms");
        String frame = "{\"type\":\"message\",\"message\":"
                + ChatClient.messageBody("rooms-" + text.run + "-7", text.of(7, 42, 123456789012L), text.clientMessageIdPrefix + 42) + "}";
        assertArrayEquals(new long[] {7, 42, 123456789012L}, text.numbers(frame, 3));
        assertTrue(text.clientMessageIdPrefix.startsWith("rooms-" + text.run + "-"));
    }

    @Test
    void anotherRunsOrScenariosTextIsNotItsOwn() {
        RunText text = new RunText("rooms");
        assertNull(text.numbers(frame(new RunText("rooms").of(1, 2, 3)), 3));
        assertNull(text.numbers(frame(new RunText("fanout").of(1, 2, 3)), 3));
        assertNull(text.numbers("{\"type\":\"ack\",\"clientMessageId\":\"" + text.clientMessageIdPrefix + "1\",\"id\":\"m1\"}", 3));
        assertNull(text.numbers(frame(text.of(1, 2)), 3), "too few numbers");
    }

    private static String frame(String text) {
        return "{\"type\":\"message\",\"message\":{\"text\":\"" + text + "\"}}";
    }
}
