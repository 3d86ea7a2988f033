package io.chatapp.store;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.Sender;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MessageDocumentTest {

    private static final ChatMessage MESSAGE = new ChatMessage("7d0c5a52-0f4e-4c57-9d4a-1f0d3c8b2e11", "general", "hi",
            new Sender("sub-1", "Alice"), "2026-11-24T10:20:30.123Z", "c-1");

    @Test
    void storesTheContractsFieldNames() {
        Document document = MessageRepository.toDocument(MESSAGE, 42);
        assertEquals(MESSAGE.id(), document.getString("message_id"));
        assertEquals("general", document.getString("room"));
        assertEquals("hi", document.getString("text"));
        assertEquals(new Document("id", "sub-1").append("name", "Alice"), document.get("sender"));
        assertEquals(Date.from(MESSAGE.timestampInstant()), document.getDate("timestamp"));
        assertEquals("c-1", document.getString("client_message_id"));
        assertEquals(42L, document.getLong("seq"));
    }

    @Test
    void aMessageWithoutClientIdStoresNone() {
        ChatMessage withoutClientId = new ChatMessage(MESSAGE.id(), "general", "hi", MESSAGE.sender(), MESSAGE.timestamp(), null);
        assertFalse(MessageRepository.toDocument(withoutClientId, 1).containsKey("client_message_id"));
    }

    @Test
    void readsBackWhatItStores() {
        assertEquals(MESSAGE, MessageRepository.fromDocument(MessageRepository.toDocument(MESSAGE, 7)));
        ChatMessage reply = new ChatMessage("8e1d6b63-1f5f-4d68-8e5b-2a1e4d9c3f22", "general", "@Alice yes", new Sender("sub-2", "Bob"),
                "2026-11-24T10:21:30.123Z", null, MESSAGE.id(), List.of("sub-1"), 1, null, null, null);
        Document stored = MessageRepository.toDocument(reply, 8);
        assertEquals(MESSAGE.id(), stored.getString("reply_to"));
        assertEquals(List.of("sub-1"), stored.getList("mentions", String.class));
        assertEquals(reply, MessageRepository.fromDocument(stored));
    }
}
