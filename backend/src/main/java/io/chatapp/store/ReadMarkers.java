package io.chatapp.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far each user has read each room ({@code read_markers}): the last message they read, kept
 * per user rather than per device, so unread counts survive reloads and follow them across
 * devices. A marker only moves forward, in the room's history order ({@code seq}). Only users'
 * requests use it, so every operation is bounded as a request's ({@link OnRequest}).
 */
@ApplicationScoped
public class ReadMarkers {

    /** Counting stops here: a client shows "999+" rather than make the store count a whole history. */
    public static final int COUNT_LIMIT = 1000;

    /** Where a user has read up to in a room. */
    public record Marker(String messageId, long seq) {
    }

    private MongoCollection<Document> markers;
    private MongoCollection<Document> messages;

    @Inject
    public ReadMarkers(@OnRequest MongoDatabase database) {
        this.markers = database.getCollection("read_markers");
        this.messages = database.getCollection(MessageRepository.COLLECTION);
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected ReadMarkers() {
    }

    /**
     * Moves the user's marker in the room to the message, unless it is further already.
     *
     * @return false when the room has no stored message of that id
     */
    public boolean markRead(String room, String userId, String messageId, Instant at) {
        try {
            OptionalLong position = MessageRepository.seqIn(messages, room, messageId);
            if (position.isEmpty()) {
                return false;
            }
            long seq = position.getAsLong();
            Bson update = Updates.combine(Updates.set("room", room), Updates.set("user", userId),
                    Updates.set("message_id", messageId), Updates.set("seq", seq), Updates.set("read_at", Date.from(at)));
            try {
                markers.updateOne(Filters.and(Filters.eq("_id", key(room, userId)),
                        Filters.or(Filters.exists("seq", false), Filters.lt("seq", seq))), update, new UpdateOptions().upsert(true));
            } catch (MongoWriteException e) {
                // Read further already: the marker stays.
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return true;
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** The user's markers in those rooms (rooms they never marked are left out). */
    public Map<String, Marker> of(String userId, Collection<String> rooms) {
        try {
            Map<String, Marker> found = new HashMap<>();
            for (Document marker : markers.find(Filters.in("_id", rooms.stream().map(room -> key(room, userId)).toList()))) {
                found.put(marker.getString("room"), new Marker(marker.getString("message_id"), marker.getLong("seq")));
            }
            return found;
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * How many messages of the room others posted after the marker or, without one, after the
     * given time (when the user joined): at most {@link #COUNT_LIMIT}.
     */
    public long unread(String room, String userId, Optional<Marker> marker, Instant since) {
        Bson after = marker.map(found -> Filters.gt("seq", found.seq())).orElse(Filters.gt("timestamp", Date.from(since)));
        try {
            return messages.countDocuments(Filters.and(Filters.eq("room", room), after, Filters.ne("sender.id", userId)),
                    new CountOptions().limit(COUNT_LIMIT));
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    private static String key(String room, String userId) {
        // Room ids never hold a slash, so no two (room, user) pairs share a key.
        return room + "/" + userId;
    }
}
