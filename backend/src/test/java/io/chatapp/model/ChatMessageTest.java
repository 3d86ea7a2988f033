package io.chatapp.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChatMessageTest {

    private static final Sender ALICE = new Sender("alice-sub", "Alice");
    private static final Sender BOB = new Sender("bob-sub", "Bob");
    private static final Instant NOW = Instant.parse("2026-11-24T10:20:30.123456789Z");

    @Test
    void acceptingCopiesThePostAndAddsTheServersIdAndTimestamp() {
        ChatMessage message = ChatMessage.accept(new NewMessage("general", " hello ", "c-1"), ALICE, NOW);

        assertEquals("general", message.room());
        assertEquals("hello", message.text());
        assertEquals(ALICE, message.sender());
        assertEquals("c-1", message.clientMessageId());
        assertEquals("2026-11-24T10:20:30.123Z", message.timestamp());
        assertEquals(message.id(), UUID.fromString(message.id()).toString());
    }

    @Test
    void timestampsAlwaysHaveMilliseconds() {
        assertEquals("2026-11-24T10:20:30.000Z", ChatMessage.formatTimestamp(Instant.parse("2026-11-24T10:20:30Z")));
        assertEquals("2026-11-24T10:20:30.100Z", ChatMessage.formatTimestamp(Instant.parse("2026-11-24T10:20:30.1Z")));
    }

    @Test
    void messagesWithoutClientIdGetFreshIds() {
        NewMessage posted = new NewMessage("general", "hi", null);
        assertNotEquals(ChatMessage.accept(posted, ALICE, NOW).id(), ChatMessage.accept(posted, ALICE, NOW).id());
        assertNull(ChatMessage.accept(posted, ALICE, NOW).clientMessageId());
    }

    @Test
    void aRetryBySameSenderGetsTheSameIdAtAnyTime() {
        ChatMessage first = ChatMessage.accept(new NewMessage("general", "hi", "c-1"), ALICE, NOW);
        ChatMessage retry = ChatMessage.accept(new NewMessage("general", "hi", "c-1"), ALICE, NOW.plusSeconds(30));
        assertEquals(first.id(), retry.id());
    }

    @Test
    void theSameClientIdFromAnotherSenderIsAnotherMessage() {
        NewMessage posted = new NewMessage("general", "hi", "c-1");
        assertNotEquals(ChatMessage.accept(posted, ALICE, NOW).id(), ChatMessage.accept(posted, BOB, NOW).id());
    }

    @Test
    void senderAndClientIdCannotBeShiftedIntoEachOther() {
        ChatMessage one = ChatMessage.accept(new NewMessage("general", "hi", "c:d"), new Sender("a:b", "x"), NOW);
        ChatMessage other = ChatMessage.accept(new NewMessage("general", "hi", "d"), new Sender("a:b:c", "x"), NOW);
        assertNotEquals(one.id(), other.id());
    }
}
