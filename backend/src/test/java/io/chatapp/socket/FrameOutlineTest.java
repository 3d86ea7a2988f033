package io.chatapp.socket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameOutlineTest {

    private static String refusal(String text) {
        return assertThrows(FrameOutline.Unreadable.class, () -> FrameOutline.of(text)).getMessage();
    }

    @Test
    void readsTheTopLevelTypeAndClientMessageIdOnly() throws FrameOutline.Unreadable {
        assertEquals(new FrameOutline("send", "c-1"),
                FrameOutline.of("{\"room\":{\"type\":\"inner\"},\"clientMessageId\":\"c-1\",\"n\":[1,{\"type\":\"x\"}],\"type\":\"send\"}"));
        assertEquals(new FrameOutline(null, null), FrameOutline.of("{\"type\":7,\"clientMessageId\":null}"));
    }

    @Test
    void aFrameNestedThousandsDeepIsRefusedWithoutReadingItAll() {
        String deep = "{\"type\":\"send\",\"text\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        assertEquals("A frame nests at most 16 levels deep", refusal(deep));
    }

    @Test
    void onlyAWholeJsonObjectIsAFrame() {
        assertEquals("A frame is a JSON object", refusal("[1,2]"));
        assertEquals("A frame is a JSON object", refusal("\"send\""));
        assertEquals("The frame is not valid JSON", refusal("{\"type\":\"send\""));
        assertEquals("The frame is not valid JSON", refusal("{\"type\":\"send\"} trailing"));
        assertEquals("The frame is not valid JSON", refusal("not json"));
        assertEquals("The frame is not valid JSON", refusal(""));
    }
}
