package io.chatapp.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.InsertOutcome;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Message history in the {@code messages} collection.
 * <p>
 * Every message of a room travels through one Kafka partition, so its offset there
 * ({@code seq}) is the order in which every client saw the room's messages; history is
 * sorted by it, so history and live delivery agree.
 */
@ApplicationScoped
public class MessageRepository {

    static final String COLLECTION = "messages";

    private MongoDatabase database;
    private MongoCollection<Document> messages;
    private ChatMetrics metrics;
    private volatile boolean indexesReady;

    @Inject
    public MessageRepository(MongoDatabase database, ChatMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
        this.messages = database.getCollection(COLLECTION);
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected MessageRepository() {
    }

    /** Creates the collection's indexes if they are missing; safe to call again. */
    public void ensureIndexes() {
        if (indexesReady) {
            return;
        }
        messages.createIndex(Indexes.ascending("message_id"), new IndexOptions().unique(true).name("message_id_unique"));
        messages.createIndex(Indexes.ascending("room", "timestamp"), new IndexOptions().name("room_timestamp"));
        messages.createIndex(Indexes.ascending("timestamp"), new IndexOptions().name("timestamp"));
        messages.createIndex(Indexes.ascending("room", "seq"), new IndexOptions().name("room_seq"));
        indexesReady = true;
    }

    /**
     * Stores a message once. A message whose id is already stored (a redelivered record, or a
     * client's retry that reached Kafka twice) leaves the stored one untouched.
     *
     * <p>
     * While MongoDB cannot be reached this keeps retrying (the caller must not move on, or the
     * message would be lost); each failed attempt is counted. The policy is MicroProfile
     * Fault Tolerance configuration ({@code io.chatapp.store.MessageRepository/insert/Retry/...}).
     *
     * @param seq the message's offset in its Kafka partition
     */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public InsertOutcome insert(ChatMessage message, long seq) {
        try {
            ensureIndexes();
            messages.insertOne(toDocument(message, seq));
            return InsertOutcome.INSERTED;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return storedFrom(message.id(), seq) ? InsertOutcome.REDELIVERED : InsertOutcome.DUPLICATE;
            }
            metrics.persistFailed();
            throw e;
        } catch (MongoException e) {
            metrics.persistFailed();
            throw e;
        }
    }

    /** Whether the stored message came from the record at this offset (its room's partition). */
    private boolean storedFrom(String id, long seq) {
        Document stored = messages.find(Filters.eq("message_id", id)).projection(Projections.include("seq")).first();
        return stored != null && stored.getLong("seq") == seq;
    }

    /**
     * The newest {@code limit} messages of a room that came before {@code beforeId} (or the
     * newest of all when it is null), oldest first.
     *
     * @throws UnknownMessageException if {@code beforeId} is not a message of the room
     */
    public HistoryPage page(String room, int limit, String beforeId) {
        try {
            return readPage(room, limit, beforeId);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    private HistoryPage readPage(String room, int limit, String beforeId) {
        Bson filter = Filters.eq("room", room);
        if (beforeId != null) {
            Document cursor = messages.find(Filters.and(Filters.eq("room", room), Filters.eq("message_id", beforeId)))
                    .projection(Projections.include("seq")).first();
            if (cursor == null) {
                throw new UnknownMessageException(beforeId);
            }
            filter = Filters.and(filter, Filters.lt("seq", cursor.getLong("seq")));
        }
        List<ChatMessage> page = new ArrayList<>(limit + 1);
        for (Document document : messages.find(filter).sort(Sorts.descending("seq")).limit(limit + 1)) {
            page.add(fromDocument(document));
        }
        boolean hasMore = page.size() > limit;
        if (hasMore) {
            page.remove(limit);
        }
        Collections.reverse(page);
        return new HistoryPage(page, hasMore);
    }

    /** The stored message with this id. */
    public Optional<ChatMessage> find(String id) {
        try {
            return Optional.ofNullable(messages.find(Filters.eq("message_id", id)).first()).map(MessageRepository::fromDocument);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** When each of the rooms had its last message (rooms without any are left out). */
    public Map<String, String> lastMessageAt(Collection<String> rooms) {
        try {
            Map<String, String> last = new HashMap<>();
            for (Document group : messages.aggregate(List.of(Aggregates.match(Filters.in("room", rooms)),
                    Aggregates.group("$room", Accumulators.max("last", "$timestamp"))))) {
                last.put(group.getString("_id"), ChatMessage.formatTimestamp(group.getDate("last").toInstant()));
            }
            return last;
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** Asks the server to answer; throws when it cannot be reached. */
    public void ping() {
        database.runCommand(new Document("ping", 1));
    }

    static Document toDocument(ChatMessage message, long seq) {
        Document document = new Document("message_id", message.id())
                .append("room", message.room())
                .append("text", message.text())
                .append("sender", new Document("id", message.sender().id()).append("name", message.sender().name()))
                .append("timestamp", Date.from(message.timestampInstant()))
                .append("seq", seq);
        if (message.clientMessageId() != null) {
            document.append("client_message_id", message.clientMessageId());
        }
        return document;
    }

    static ChatMessage fromDocument(Document document) {
        Document sender = document.get("sender", Document.class);
        return new ChatMessage(document.getString("message_id"), document.getString("room"),
                document.getString("text"), new Sender(sender.getString("id"), sender.getString("name")),
                ChatMessage.formatTimestamp(document.getDate("timestamp").toInstant()),
                document.getString("client_message_id"));
    }
}
