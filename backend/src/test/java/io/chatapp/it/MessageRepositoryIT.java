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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repository against the real Mongo-wire store (a database of its own): a message is
 * stored once, and an "already stored" says why, which the fault suite relies on to tell a
 * record read again (an offset not committed) from a message a retry published twice.
 */
public class MessageRepositoryIT {

    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestStack.mongoUri());
        database = client.getDatabase("repository-it-" + UUID.randomUUID());
    }

    @AfterAll
    static void close() {
        database.drop();
        client.close();
    }

    @Test
    void aRecordReadAgainIsRedeliveredAndTheSameMessageFromAnotherRecordIsADuplicate() {
        MessageRepository repository = new MessageRepository(database, new ChatMetrics());
        ChatMessage message = ChatMessage.accept(new NewMessage("general", "once", "c-" + UUID.randomUUID()),
                new Sender("alice", "Alice"), Instant.now());

        assertEquals(InsertOutcome.INSERTED, repository.insert(message, 41));
        assertEquals(InsertOutcome.REDELIVERED, repository.insert(message, 41));
        assertEquals(InsertOutcome.DUPLICATE, repository.insert(message, 57));
        assertEquals(1, database.getCollection("messages").countDocuments());
        assertEquals(message, repository.find(message.id()).orElseThrow());
    }
}
