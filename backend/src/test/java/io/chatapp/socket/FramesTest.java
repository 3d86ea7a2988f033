package io.chatapp.socket;

import io.chatapp.model.MessageJson;
import io.chatapp.model.Sender;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramesTest {

    @Test
    void aSendFrameIsReadWhereverItsTypeStands() {
        assertEquals(new Frames.Send("general", "hi", "c-1", null),
                MessageJson.fromJson("{\"type\":\"send\",\"room\":\"general\",\"text\":\"hi\",\"clientMessageId\":\"c-1\"}", Frames.Inbound.class));
        assertEquals(new Frames.Send("general", "hi", null, null),
                MessageJson.fromJson("{\"room\":\"general\",\"text\":\"hi\",\"type\":\"send\"}", Frames.Inbound.class));
    }

    @Test
    void framesToClientsCarryTheirTypeFirst() {
        assertEquals("{\"type\":\"ack\",\"clientMessageId\":\"c-1\",\"id\":\"m-1\"}", Frames.ack("c-1", "m-1"));
        assertEquals("{\"type\":\"error\",\"clientMessageId\":\"c-1\",\"status\":429,\"detail\":\"slow down\",\"retryAfterSeconds\":3}",
                Frames.error("c-1", 429, "slow down", 3));
        assertEquals("{\"type\":\"error\",\"status\":400,\"detail\":\"bad\"}", Frames.error(null, 400, "bad"));
    }

    @Test
    void signalsReachClientsInTheContractsShape() {
        assertEquals("{\"type\":\"typing\",\"room\":\"general\",\"user\":{\"id\":\"u-1\",\"name\":\"Bob\"}}",
                Frames.typing("general", new Sender("u-1", "Bob")));
        assertEquals("{\"type\":\"read\",\"room\":\"general\",\"messageId\":\"m-1\"}", Frames.read("general", "m-1"));
        assertEquals(new Frames.Typing("general", null), MessageJson.fromJson("{\"type\":\"typing\",\"room\":\"general\"}", Frames.Inbound.class));
    }

    @Test
    void theTypesAClientMaySendComeFromTheFrameDeclarations() {
        assertEquals(List.of("send", "edit", "delete", "react", "typing"), Frames.inboundTypes());
    }
}
