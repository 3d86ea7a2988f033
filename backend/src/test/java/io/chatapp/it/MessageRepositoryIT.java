package io.chatapp.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.InsertOutcome;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Sender;
import io.chatapp.store.MessageRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository against the real Mongo-wire store (each test in a database of its own): a message is
 * stored once, and an "already stored" says why, which the fault suite relies on to tell a
 * record read again (an offset not committed) from a message a retry published twice.
 */
public class MessageRepositoryIT {

    private MongoClient client;
    private MongoDatabase database;
    private MessageRepository repository;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestStack.mongoUri());
        database = client.getDatabase("repository-it-" + UUID.randomUUID());
        repository = new MessageRepository(database, TestStack.onRequest(database), new ChatMetrics());
    }

    @AfterEach
    void close() {
        database.drop();
        client.close();
    }

    @Test
    void aRecordReadAgainIsRedeliveredAndTheSameMessageFromAnotherRecordIsADuplicate() {
        ChatMessage message = posted("once");

        assertEquals(InsertOutcome.INSERTED, insert(message, 41));
        assertEquals(InsertOutcome.REDELIVERED, insert(message, 41));
        assertEquals(InsertOutcome.DUPLICATE, insert(message, 57));
        assertEquals(1, database.getCollection("messages").countDocuments());
        assertEquals(message, repository.find(message.id()).orElseThrow());
    }

    @Test
    void aBatchStoresEveryNewMessageAndSaysWhyEachOtherIsStoredAlready() {
        ChatMessage stored = posted("stored before");
        ChatMessage retried = posted("published twice");
        ChatMessage first = posted("new before");
        ChatMessage last = posted("new after");
        insert(stored, 10);

        List<InsertOutcome> outcomes = repository.insertAll(List.of(new MessageRepository.Positioned(first, 11),
                new MessageRepository.Positioned(stored, 10), new MessageRepository.Positioned(retried, 12),
                new MessageRepository.Positioned(retried, 13), new MessageRepository.Positioned(last, 14)));

        assertEquals(List.of(InsertOutcome.INSERTED, InsertOutcome.REDELIVERED, InsertOutcome.INSERTED, InsertOutcome.DUPLICATE,
                InsertOutcome.INSERTED), outcomes);
        assertEquals(4, database.getCollection("messages").countDocuments());
        for (ChatMessage message : List.of(stored, retried, first, last)) {
            assertEquals(message, repository.find(message.id()).orElseThrow());
        }
        assertEquals(List.of(stored, first, retried, last), repository.page("general", 10, null).messages(),
                "the history in the order of the records");
    }

    @Test
    void aChangeReplacesOnlyTheVersionItWasMadeOn() {
        ChatMessage first = posted("typo");
        insert(first, 1);
        Instant at = Instant.now();
        ChatMessage second = first.edited("fixed", List.of(), at);

        assertTrue(repository.replace(first, second, at));
        assertFalse(repository.replace(first, first.edited("made on the first version", List.of(), at), at),
                "a change made on a version the store no longer has");
        ChatMessage stored = repository.find(first.id()).orElseThrow();
        assertEquals("fixed", stored.text());
        assertEquals(2, stored.version());
    }

    @Test
    void aChangeIsAppliedOnceAndNeverOverANewerOne() {
        ChatMessage first = posted("draft");
        insert(first, 2);
        Instant at = Instant.now();
        ChatMessage second = first.edited("better", List.of(), at);
        ChatMessage third = second.deletedState();

        repository.applyChange(third, at);
        repository.applyChange(second, at);
        repository.applyChange(third, at);

        ChatMessage stored = repository.find(first.id()).orElseThrow();
        assertEquals(3, stored.version());
        assertTrue(stored.wasDeleted());
    }

    @Test
    void aMessageStoredBeforeVersionsCanBeChanged() {
        ChatMessage old = posted("from before versions");
        insert(old, 3);
        database.getCollection("messages").updateOne(new Document("message_id", old.id()),
                new Document("$unset", new Document("version", "")));

        MessageRepository restarted = new MessageRepository(database, TestStack.onRequest(database), new ChatMetrics());
        ChatMessage stored = restarted.find(old.id()).orElseThrow();
        assertEquals(1, stored.version());
        Instant at = Instant.now();
        assertTrue(restarted.replace(stored, stored.edited("changed", List.of(), at), at));
        assertEquals("changed", restarted.find(old.id()).orElseThrow().text());
    }

    private InsertOutcome insert(ChatMessage message, long seq) {
        return repository.insertAll(List.of(new MessageRepository.Positioned(message, seq))).get(0);
    }

    private static ChatMessage posted(String text) {
        return ChatMessage.accept(new NewMessage("general", text, "c-" + UUID.randomUUID()), new Sender("alice", "Alice"), Instant.now());
    }
}
