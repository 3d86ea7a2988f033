package io.chatapp.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Sender;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A batch the store answers with anything but duplicates is not taken as stored: the failure
 * reaches the caller (whose retry policy tries again) and is counted. What the store does with
 * duplicates is MessageRepositoryIT's, against the real Mongo-wire store.
 */
class MessageRepositoryTest {

    private final AtomicInteger failures = new AtomicInteger();
    private final ChatMetrics metrics = new ChatMetrics() {
        @Override
        public void persistFailed() {
            failures.incrementAndGet();
        }
    };

    @Test
    void aBatchNotAcknowledgedAsTheWriteConcernAsksFails() {
        MongoBulkWriteException unacknowledged = new MongoBulkWriteException(BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()),
                List.of(), new WriteConcernError(64, "WriteConcernFailed", "waiting for replication timed out", new BsonDocument()),
                new ServerAddress(), Set.of());
        assertSame(unacknowledged, assertThrows(MongoBulkWriteException.class, () -> storeAnswering(unacknowledged).insertAll(batch())));
        assertEquals(1, failures.get());
    }

    @Test
    void aBatchRefusedForAnotherReasonThanADuplicateFails() {
        MongoBulkWriteException refused = new MongoBulkWriteException(BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()),
                List.of(new BulkWriteError(11000, "E11000 duplicate key", new BsonDocument(), 0),
                        new BulkWriteError(10334, "document too large", new BsonDocument(), 1)),
                null, new ServerAddress(), Set.of());
        assertSame(refused, assertThrows(MongoBulkWriteException.class, () -> storeAnswering(refused).insertAll(batch())));
        assertEquals(1, failures.get());
    }

    private static List<MessageRepository.Positioned> batch() {
        Sender alice = new Sender("alice", "Alice");
        return List.of(new MessageRepository.Positioned(ChatMessage.accept(new NewMessage("general", "one", null), alice, Instant.now()), 1),
                new MessageRepository.Positioned(ChatMessage.accept(new NewMessage("general", "two", null), alice, Instant.now()), 2));
    }

    /** A repository on a store that creates its indexes and answers every insert with the failure. */
    private MessageRepository storeAnswering(RuntimeException failure) {
        MongoCollection<?> collection = (MongoCollection<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertMany")) {
                        throw failure;
                    }
                    return null;
                });
        MongoDatabase database = (MongoDatabase) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> method.getName().equals("getCollection") ? collection : null);
        return new MessageRepository(database, database, metrics);
    }
}
