package io.chatapp.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignalTest {

    @Test
    void aSignalTravelsAsJsonOfItsKindAndComesBackTheSame() {
        Signal typing = new Signal.Typing("i-1", List.of(new Signal.Typist("general", new Sender("u-1", "Bob"))));
        String json = MessageJson.toJson(typing);
        assertEquals("{\"kind\":\"typing\",\"instance\":\"i-1\",\"typists\":[{\"room\":\"general\",\"user\":{\"id\":\"u-1\",\"name\":\"Bob\"}}]}", json);
        assertEquals(typing, MessageJson.fromJson(json, Signal.class));
        Signal read = new Signal.Read("u-1", "general", "m-1");
        assertEquals(read, MessageJson.fromJson(MessageJson.toJson(read), Signal.class));
    }

    @Test
    void aSignalMissingWhatItIsAboutIsNoSignal() {
        assertThrows(RuntimeException.class, () -> MessageJson.fromJson("{\"kind\":\"typing\",\"instance\":\"i-1\",\"typists\":[{\"room\":\"general\"}]}", Signal.class));
        assertThrows(RuntimeException.class, () -> MessageJson.fromJson("{\"kind\":\"typing\",\"instance\":\"i-1\"}", Signal.class));
        assertThrows(RuntimeException.class, () -> MessageJson.fromJson("{\"kind\":\"read\",\"userId\":\"u-1\",\"room\":\"general\"}", Signal.class));
    }

    @Test
    void signalsOfOneInstanceOrOneReaderKeepTheirOrder() {
        assertEquals("i-1", new Signal.Typing("i-1", List.of()).key());
        assertEquals("u-1", new Signal.Read("u-1", "general", "m-1").key());
    }
}
