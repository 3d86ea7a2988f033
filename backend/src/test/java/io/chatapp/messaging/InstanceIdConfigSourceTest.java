package io.chatapp.messaging;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceIdConfigSourceTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void twoServersOnOneHostGetGroupsOfTheirOwn() {
        String first = InstanceIdConfigSource.defaultId("chat-vm", random);
        String second = InstanceIdConfigSource.defaultId("chat-vm", random);

        assertNotEquals(first, second);
        assertTrue(first.matches("chat-vm-[0-9a-f]{8}"), first);
    }

    @Test
    void withoutAHostNameTheIdIsStillUnique() {
        String first = InstanceIdConfigSource.defaultId(null, random);
        String second = InstanceIdConfigSource.defaultId(" ", random);

        assertNotEquals(first, second);
        assertTrue(first.matches("local-[0-9a-f]{8}"), first);
    }

    @Test
    void oneValueForTheWholeRunThatAnyOtherSourceOverrides() {
        InstanceIdConfigSource source = new InstanceIdConfigSource();

        assertEquals(source.getValue("chat.instance.id"), new InstanceIdConfigSource().getValue("chat.instance.id"));
        assertNull(source.getValue("chat.other"));
        // Below microprofile-config.properties (100), environment variables (300), system properties (400).
        assertTrue(source.getOrdinal() < 100);
    }
}
