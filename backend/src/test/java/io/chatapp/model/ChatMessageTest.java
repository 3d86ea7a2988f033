package io.chatapp.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aTimestampReadsAsTheInstantItWasWrittenFrom() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            String timestamp = ChatMessage.formatTimestamp(instant);
            assertEquals(instant, ChatMessage.parseTimestamp(timestamp), timestamp);
            assertEquals(Instant.parse(timestamp), ChatMessage.parseTimestamp(timestamp), timestamp);
        }
        assertEquals(Instant.parse("2028-02-29T23:59:59.999Z"), ChatMessage.parseTimestamp("2028-02-29T23:59:59.999Z"));
    }

    @Test
    void aTimestampOfAnotherFormIsReadAsIsoInstantsAre() {
        for (String other : List.of("2026-11-24T10:20:30Z", "2026-11-24T10:20:30.1Z", "2016-12-31T23:59:60.000Z")) {
            assertEquals(Instant.parse(other), ChatMessage.parseTimestamp(other), other);
        }
    }

    @Test
    void aTimestampThatIsNoDateAndTimeIsRefused() {
        for (String wrong : List.of("2026-13-24T10:20:30.123Z", "2026-02-30T10:20:30.123Z", "2027-02-29T10:20:30.123Z",
                "2026-11-24T24:20:30.123Z", "2026-11-24T10:60:30.123Z", "2026-11-24T1a:20:30.123Z", "2026-11-24 10:20:30.123Z",
                "2026-00-24T10:20:30.123Z", "2026-11-00T10:20:30.123Z", "")) {
            assertThrows(java.time.DateTimeException.class, () -> ChatMessage.parseTimestamp(wrong), wrong);
        }
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

    private static final ChatMessage POSTED = new ChatMessage("7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11", "general", "hello",
            new Sender("alice", "Alice"), "2026-11-24T10:20:30.123Z", null);

    @Test
    void everyChangeIsTheNextVersion() {
        Instant at = Instant.parse("2026-11-24T10:30:00Z");
        ChatMessage edited = POSTED.edited("hello, world", null, at);
        assertEquals(1, POSTED.version());
        assertEquals(2, edited.version());
        assertEquals("hello, world", edited.text());
        assertEquals("2026-11-24T10:30:00.000Z", edited.editedAt());
        assertEquals(3, edited.reacted("👍", "bob", true).version());
        ChatMessage gone = edited.reacted("👍", "bob", true).deletedState();
        assertEquals(4, gone.version());
        assertTrue(gone.wasDeleted());
        assertEquals("", gone.text());
        assertNull(gone.reactions(), "a tombstone keeps no reactions");
        assertEquals(POSTED.sender(), gone.sender());
    }

    @Test
    void reactionsCountTheirUsersInTheOrderTheyCame() {
        ChatMessage reacted = POSTED.reacted("👍", "bob", true).reacted("🎉", "carol", true).reacted("👍", "carol", true);
        assertEquals(List.of(new Reaction("👍", List.of("bob", "carol")), new Reaction("🎉", List.of("carol"))), reacted.reactions());
        assertEquals(2, reacted.reactions().get(0).count());
        assertTrue(reacted.hasReaction("🎉", "carol"));
        ChatMessage takenOff = reacted.reacted("🎉", "carol", false).reacted("👍", "bob", false);
        assertEquals(List.of(new Reaction("👍", List.of("carol"))), takenOff.reactions());
        assertNull(takenOff.reacted("👍", "carol", false).reactions(), "no reaction left: none at all");
    }
}

