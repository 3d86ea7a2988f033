package io.chatapp.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.InsertOutcome;
import io.chatapp.model.Reaction;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

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

    private MongoDatabase onRequest;
    private MongoCollection<Document> messages;
    /** The same, for what a user's request reads or changes ({@link OnRequest}). */
    private MongoCollection<Document> requested;
    private ChatMetrics metrics;
    private volatile boolean indexesReady;

    @Inject
    public MessageRepository(MongoDatabase database, @OnRequest MongoDatabase onRequest, ChatMetrics metrics) {
        this.onRequest = onRequest;
        this.metrics = metrics;
        this.messages = database.getCollection(COLLECTION);
        this.requested = onRequest.getCollection(COLLECTION);
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
        // Messages stored before they could change have no version: theirs is 1. With it written
        // on every message, a compare-and-set names (message_id, version) and nothing else, which
        // this index answers in every store, the Mongo-wire one too (it uses an index only for a
        // filter of exactly the index's keys, see atVersion, and scans the collection for any other).
        messages.updateMany(Filters.exists("version", false), Updates.set("version", 1));
        messages.createIndex(Indexes.ascending("message_id", "version"), new IndexOptions().unique(true).name("message_id_version"));
        messages.createIndex(Indexes.ascending("room", "timestamp"), new IndexOptions().name("room_timestamp"));
        messages.createIndex(Indexes.ascending("timestamp"), new IndexOptions().name("timestamp"));
        messages.createIndex(Indexes.ascending("room", "seq"), new IndexOptions().name("room_seq"));
        messages.createIndex(Indexes.ascending("room", "changed_at"), new IndexOptions().name("room_changed_at"));
        indexesReady = true;
    }

    /**
     * Stores each message once, all in one command. A message whose id is already stored (a
     * redelivered record, or a client's retry that reached Kafka twice) leaves the stored one
     * untouched; the others are stored all the same.
     *
     * <p>
     * While MongoDB cannot be reached this keeps retrying (the caller must not move on, or the
     * messages would be lost); each failed attempt is counted. The policy is MicroProfile
     * Fault Tolerance configuration ({@code io.chatapp.store.MessageRepository/insertAll/Retry/...}).
     *
     * @return what became of each message, in their order
     */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public List<InsertOutcome> insertAll(List<Positioned> posted) {
        List<InsertOutcome> outcomes = new ArrayList<>(Collections.nCopies(posted.size(), InsertOutcome.INSERTED));
        try {
            ensureIndexes();
            List<Document> documents = new ArrayList<>(posted.size());
            for (Positioned each : posted) {
                documents.add(toDocument(each.message(), each.seq()));
            }
            // Unordered: a message stored already does not stop the ones after it.
            messages.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Not acknowledged as the write concern asks, or refused for another reason than a
            // duplicate: tried again, and what was stored meanwhile counts as redelivered.
            boolean onlyDuplicates = e.getWriteConcernError() == null
                    && e.getWriteErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                metrics.persistFailed();
                throw e;
            }
            // The write errors name the messages not stored; the count of those inserted is not
            // relied on (the Mongo-wire store reports every document as inserted).
            for (BulkWriteError error : e.getWriteErrors()) {
                Positioned duplicate = posted.get(error.getIndex());
                outcomes.set(error.getIndex(), storedFrom(duplicate.message().id(), duplicate.seq())
                        ? InsertOutcome.REDELIVERED : InsertOutcome.DUPLICATE);
            }
        } catch (MongoException e) {
            metrics.persistFailed();
            throw e;
        }
        return outcomes;
    }

    /** A message and its offset in its Kafka partition ({@code seq}). */
    public record Positioned(ChatMessage message, long seq) {
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
            long cursor = seqIn(requested, room, beforeId).orElseThrow(() -> new UnknownMessageException("before", beforeId));
            filter = Filters.and(filter, Filters.lt("seq", cursor));
        }
        List<ChatMessage> page = new ArrayList<>(limit + 1);
        for (Document document : requested.find(filter).sort(Sorts.descending("seq")).limit(limit + 1)) {
            page.add(fromDocument(document));
        }
        boolean hasMore = page.size() > limit;
        if (hasMore) {
            page.remove(limit);
        }
        Collections.reverse(page);
        return new HistoryPage(page, hasMore);
    }

    /**
     * Replaces a stored message's state by its next one, if the stored one is still {@code current}
     * (the same version): the compare-and-set that gives each change of a message its own version.
     *
     * @return false if the message has changed meanwhile (or is not stored)
     */
    public boolean replace(ChatMessage current, ChatMessage next, Instant at) {
        try {
            ensureIndexes();
            return requested.updateOne(atVersion(current.id(), current.version()), stateOf(next, at)).getMatchedCount() == 1;
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * Stores a changed message's state unless the store has that version or a later one: applying
     * a change again, or an older one after a newer, changes nothing. Retried like {@link #insert}.
     */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public void applyChange(ChatMessage next, Instant at) {
        try {
            ensureIndexes();
            // Read, then compare-and-set: a change made meanwhile (an edit answered by another
            // instance) makes the set miss, and the loop looks again.
            while (true) {
                Document stored = messages.find(Filters.eq("message_id", next.id())).projection(Projections.include("version")).first();
                if (stored == null) {
                    return;
                }
                Integer version = stored.getInteger("version");
                if (version != null && version >= next.version()) {
                    return;
                }
                // A version missing (a message an instance from before versions stored) matches null.
                if (messages.updateOne(atVersion(next.id(), version), stateOf(next, at)).getMatchedCount() == 1) {
                    return;
                }
            }
        } catch (MongoException e) {
            metrics.persistFailed();
            throw e;
        }
    }

    /**
     * The room's messages that changed (edited, deleted, reacted to) after that time, in the room's
     * order, at most {@code limit}.
     */
    public List<ChatMessage> changedSince(String room, Instant since, int limit) {
        try {
            List<ChatMessage> changed = new ArrayList<>();
            requested.find(Filters.and(Filters.eq("room", room), Filters.gt("changed_at", Date.from(since))))
                    .sort(Sorts.ascending("seq")).limit(limit).forEach(document -> changed.add(fromDocument(document)));
            return changed;
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * The oldest {@code limit} messages of a room that came after {@code afterId}, oldest first.
     *
     * @throws UnknownMessageException if {@code afterId} is not a message of the room
     */
    public HistoryPage after(String room, int limit, String afterId) {
        try {
            long cursor = seqIn(requested, room, afterId).orElseThrow(() -> new UnknownMessageException("after", afterId));
            List<ChatMessage> page = new ArrayList<>(limit + 1);
            requested.find(Filters.and(Filters.eq("room", room), Filters.gt("seq", cursor)))
                    .sort(Sorts.ascending("seq")).limit(limit + 1).forEach(document -> page.add(fromDocument(document)));
            boolean hasMore = page.size() > limit;
            return new HistoryPage(hasMore ? page.subList(0, limit) : page, hasMore);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * Where a message of the room is in the room's order ({@code seq}); empty when the room has
     * no stored message of that id. Found by {@code message_id} alone, which an index answers in
     * every store (the Mongo-wire store would scan for a filter on the room too).
     */
    static OptionalLong seqIn(MongoCollection<Document> messages, String room, String id) {
        Document found = messages.find(Filters.eq("message_id", id)).projection(Projections.include("room", "seq")).first();
        return found != null && room.equals(found.getString("room")) ? OptionalLong.of(found.getLong("seq")) : OptionalLong.empty();
    }

    /** The stored message with this id. */
    public Optional<ChatMessage> find(String id) {
        try {
            return Optional.ofNullable(requested.find(Filters.eq("message_id", id)).first()).map(MessageRepository::fromDocument);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** When each of the rooms had its last message (rooms without any are left out). */
    public Map<String, String> lastMessageAt(Collection<String> rooms) {
        try {
            Map<String, String> last = new HashMap<>();
            for (Document group : requested.aggregate(List.of(Aggregates.match(Filters.in("room", rooms)),
                    Aggregates.group("$room", Accumulators.max("last", "$timestamp"))))) {
                last.put(group.getString("_id"), ChatMessage.formatTimestamp(group.getDate("last").toInstant()));
            }
            return last;
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * Asks the store to answer within a request's time ({@link OnRequest}). A store that takes connections but no longer answers
     * (frozen, or overloaded) fails the ping rather than holding its caller: the driver gives up
     * on the command then, and on the connection it waited on.
     *
     * @throws StoreUnavailableException when the store did not answer in time, or refused
     */
    public void ping() {
        try {
            onRequest.runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** How long {@link #ping()} waits for the store at most: a request's time. */
    public Duration pingBound() {
        return Duration.ofMillis(Objects.requireNonNull(onRequest.getTimeout(TimeUnit.MILLISECONDS),
                "the database a request uses has a timeout"));
    }

    /**
     * The message at that version. A plain document, not {@code Filters.and}, which the driver
     * sends as {@code $and}: the Mongo-wire store answers from an index only a filter whose
     * top-level keys are the index's.
     */
    private static Bson atVersion(String id, Integer version) {
        return new Document("message_id", id).append("version", version);
    }

    /** What a change sets: every part of a message that can change, and when it did. */
    private static Bson stateOf(ChatMessage message, Instant at) {
        List<Document> reactions = message.reactions() == null ? List.of() : message.reactions().stream()
                .map(reaction -> new Document("emoji", reaction.emoji()).append("users", reaction.users())).toList();
        return Updates.combine(Updates.set("text", message.text()), Updates.set("version", message.version()),
                Updates.set("mentions", message.mentions() == null ? List.of() : message.mentions()),
                Updates.set("edited_at", message.editedAt() == null ? null : Date.from(Instant.parse(message.editedAt()))),
                Updates.set("deleted", message.wasDeleted()), Updates.set("reactions", reactions),
                Updates.set("changed_at", Date.from(at)));
    }

    static Document toDocument(ChatMessage message, long seq) {
        Document document = new Document("message_id", message.id())
                .append("room", message.room())
                .append("text", message.text())
                .append("sender", new Document("id", message.sender().id()).append("name", message.sender().name()))
                .append("timestamp", Date.from(message.timestampInstant()))
                .append("seq", seq)
                .append("version", message.version());
        if (message.clientMessageId() != null) {
            document.append("client_message_id", message.clientMessageId());
        }
        if (message.replyTo() != null) {
            document.append("reply_to", message.replyTo());
        }
        if (message.mentions() != null) {
            document.append("mentions", message.mentions());
        }
        return document;
    }

    static ChatMessage fromDocument(Document document) {
        Document sender = document.get("sender", Document.class);
        Number version = document.get("version", Number.class);
        Date editedAt = document.getDate("edited_at");
        List<Reaction> reactions = document.getList("reactions", Document.class, List.of()).stream()
                .map(reaction -> new Reaction(reaction.getString("emoji"), reaction.getList("users", String.class))).toList();
        return new ChatMessage(document.getString("message_id"), document.getString("room"),
                document.getString("text"), new Sender(sender.getString("id"), sender.getString("name")),
                ChatMessage.formatTimestamp(document.getDate("timestamp").toInstant()),
                document.getString("client_message_id"), document.getString("reply_to"),
                document.getList("mentions", String.class), version == null ? 1 : version.intValue(),
                editedAt == null ? null : ChatMessage.formatTimestamp(editedAt.toInstant()),
                document.getBoolean("deleted", false), reactions);
    }
}
