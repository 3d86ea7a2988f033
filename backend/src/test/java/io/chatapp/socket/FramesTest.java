package io.chatapp.socket;

import io.chatapp.model.MessageJson;
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
    void theTypesAClientMaySendComeFromTheFrameDeclarations() {
        assertEquals(List.of("send", "edit", "delete", "react"), Frames.inboundTypes());
    }
}
