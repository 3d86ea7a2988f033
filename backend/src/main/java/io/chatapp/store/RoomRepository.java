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
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.Membership;
import io.chatapp.model.Room;
import io.chatapp.model.RoomCreation;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Rooms ({@code rooms}) and who is in them ({@code memberships}). A membership is kept after
 * its member leaves, with the time of its last change, so that of two changes applied out of
 * order (a redelivered record, a change applied by the instance that accepted it before the
 * persistence consumer gets to it) the later one wins.
 */
@ApplicationScoped
public class RoomRepository {

    /** The migrations collection's record that the rooms of the history were adopted. */
    private static final String ROOMS_OF_HISTORY = "rooms-of-history";

    private MongoCollection<Document> rooms;
    private MongoCollection<Document> memberships;
    /** The same two, for what a user's request reads or claims ({@link OnRequest}). */
    private MongoCollection<Document> roomsOnRequest;
    private MongoCollection<Document> membershipsOnRequest;
    private MongoCollection<Document> messages;
    private MongoCollection<Document> migrations;
    private volatile boolean indexesReady;

    @Inject
    public RoomRepository(MongoDatabase database, @OnRequest MongoDatabase onRequest) {
        this.rooms = database.getCollection("rooms");
        this.memberships = database.getCollection("memberships");
        this.roomsOnRequest = onRequest.getCollection("rooms");
        this.membershipsOnRequest = onRequest.getCollection("memberships");
        this.messages = database.getCollection(MessageRepository.COLLECTION);
        this.migrations = database.getCollection("migrations");
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected RoomRepository() {
    }

    private void ensureIndexes() {
        if (indexesReady) {
            return;
        }
        memberships.createIndex(Indexes.ascending("user.id", "member"), new IndexOptions().name("user_member"));
        memberships.createIndex(Indexes.ascending("room", "member"), new IndexOptions().name("room_member"));
        rooms.createIndex(Indexes.ascending("visibility"), new IndexOptions().name("visibility"));
        indexesReady = true;
    }

    /**
     * Takes the room's id for it.
     *
     * @return false when the id is taken, by a room of any visibility
     */
    public boolean claim(Room room) {
        return read(() -> {
            ensureIndexes();
            try {
                roomsOnRequest.insertOne(toDocument(room));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Gives back an id {@link #claim claimed} for a room that was then never created. */
    public void release(Room room) {
        read(() -> roomsOnRequest.deleteOne(Filters.and(Filters.eq("_id", room.id()), Filters.eq("created_at", date(room.createdAt())),
                Filters.eq("created_by.id", room.createdBy().id()))));
    }

    public Optional<Room> find(String id) {
        return read(() -> Optional.ofNullable(roomsOnRequest.find(Filters.eq("_id", id)).first()).map(RoomRepository::fromDocument));
    }

    public List<Room> find(Collection<String> ids) {
        return read(() -> roomsOnRequest.find(Filters.in("_id", ids)).map(RoomRepository::fromDocument).into(new ArrayList<>()));
    }

    /** Every public room, by name. */
    public List<Room> publicRooms() {
        return read(() -> roomsOnRequest.find(Filters.eq("visibility", Room.PUBLIC)).sort(Sorts.ascending("name"))
                .map(RoomRepository::fromDocument).into(new ArrayList<>()));
    }

    /** Applies a room's creation: the room, then its first members. Applying it again changes nothing. */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public void created(RoomCreation creation) {
        ensureIndexes();
        Room room = creation.room();
        insertIfAbsent(room);
        for (Sender member : creation.members()) {
            change(new Membership(room.id(), member, room.createdBy(), room.createdAt()), true);
        }
    }

    /** Applies a join, unless the membership changed later already. */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public void joined(Membership membership) {
        change(membership, true);
    }

    /** Applies a leave, unless the membership changed later already. */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public void left(Membership membership) {
        change(membership, false);
    }

    /**
     * Applies a message's side effects on rooms: a room known only from its messages is a
     * public room, and posting to a public room makes the poster a member.
     */
    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, retryOn = MongoException.class)
    public void posted(ChatMessage message) {
        ensureIndexes();
        Document room = rooms.find(Filters.eq("_id", message.room())).first();
        if (room == null) {
            insertIfAbsent(new Room(message.room(), message.room(), Room.PUBLIC, message.sender(), message.timestamp()));
        } else if (!Room.PUBLIC.equals(room.getString("visibility"))) {
            return;
        }
        Document current = memberships.find(Filters.eq("_id", membershipId(message.room(), message.sender().id()))).first();
        if (current == null || !current.getBoolean("member", false)) {
            change(new Membership(message.room(), message.sender(), message.sender(), message.timestamp()), true);
        }
    }

    private void insertIfAbsent(Room room) {
        Document document = toDocument(room);
        document.remove("_id");
        rooms.updateOne(Filters.eq("_id", room.id()), Updates.setOnInsert(document), new UpdateOptions().upsert(true));
    }

    private void change(Membership membership, boolean member) {
        ensureIndexes();
        Date at = date(membership.at());
        Bson update = Updates.combine(
                Updates.set("room", membership.room()),
                Updates.set("user", new Document("id", membership.member().id()).append("name", membership.member().name())),
                Updates.set("member", member),
                Updates.set("changed_at", at));
        try {
            memberships.updateOne(Filters.and(Filters.eq("_id", membershipId(membership.room(), membership.member().id())),
                    Filters.or(Filters.exists("changed_at", false), Filters.lte("changed_at", at))), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The membership exists with a later change: that one stands.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The room's members, by name. */
    public List<Sender> members(String room) {
        return members(List.of(room)).getOrDefault(room, List.of());
    }

    /** The members of each of the rooms, by name (rooms without any are left out). */
    public Map<String, List<Sender>> members(Collection<String> rooms) {
        if (rooms.isEmpty()) {
            return Map.of();
        }
        return read(() -> {
            Map<String, List<Sender>> found = new HashMap<>();
            membershipsOnRequest.find(Filters.and(Filters.in("room", rooms), Filters.eq("member", true)))
                    .sort(Sorts.ascending("user.name"))
                    .forEach(document -> {
                        Document user = document.get("user", Document.class);
                        found.computeIfAbsent(document.getString("room"), room -> new ArrayList<>())
                                .add(new Sender(user.getString("id"), user.getString("name")));
                    });
            return found;
        });
    }

    /** Every membership the room has had, current or not, with the time of its last change. */
    public List<MemberState> memberships(String room) {
        return read(() -> membershipsOnRequest.find(Filters.eq("room", room)).map(document -> {
            Document user = document.get("user", Document.class);
            return new MemberState(new Sender(user.getString("id"), user.getString("name")), document.getBoolean("member", false),
                    document.getDate("changed_at").toInstant());
        }).into(new ArrayList<>()));
    }

    /**
     * Every membership the user has had, current or not, by room, with the time of its last
     * change.
     */
    public Map<String, MemberState> membershipsOf(String userId) {
        return read(() -> {
            Map<String, MemberState> found = new HashMap<>();
            membershipsOnRequest.find(Filters.eq("user.id", userId)).forEach(document -> {
                Document user = document.get("user", Document.class);
                found.put(document.getString("room"), new MemberState(new Sender(user.getString("id"), user.getString("name")),
                        document.getBoolean("member", false), document.getDate("changed_at").toInstant()));
            });
            return found;
        });
    }

    /** How many members each of the rooms has (rooms without any are left out). */
    public Map<String, Long> memberCounts(Collection<String> rooms) {
        return read(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (Document count : membershipsOnRequest.aggregate(List.of(
                    Aggregates.match(Filters.and(Filters.in("room", rooms), Filters.eq("member", true))),
                    Aggregates.group("$room", Accumulators.sum("count", 1))))) {
                counts.put(count.getString("_id"), ((Number) count.get("count")).longValue());
            }
            return counts;
        });
    }

    /** The rooms the user is a member of, and when they (last) joined each. */
    public Map<String, Instant> joinedAt(String userId) {
        return read(() -> {
            Map<String, Instant> joined = new LinkedHashMap<>();
            membershipsOnRequest.find(Filters.and(Filters.eq("user.id", userId), Filters.eq("member", true)))
                    .forEach(document -> joined.put(document.getString("room"), document.getDate("changed_at").toInstant()));
            return joined;
        });
    }

    /**
     * Makes a public room of every room known only from its messages (as rooms were before they
     * had members), its first poster its creator and everyone who posted to it a member. Runs
     * once per database: it reads every message's room, which a long history makes slow (and
     * more than the embedded store's memory holds), and afterwards a message of a room not
     * known yet is adopted as it is stored ({@link #posted}). Safe to run twice at once.
     */
    public void adoptRoomsOfHistory() {
        read(() -> {
            if (migrations.find(Filters.eq("_id", ROOMS_OF_HISTORY)).first() != null) {
                return null;
            }
            adoptAll();
            migrations.updateOne(Filters.eq("_id", ROOMS_OF_HISTORY), Updates.setOnInsert("at", new Date()),
                    new UpdateOptions().upsert(true));
            return null;
        });
    }

    private void adoptAll() {
        ensureIndexes();
        Set<String> unknown = messages.distinct("room", String.class).into(new HashSet<>());
        rooms.find(Filters.in("_id", unknown)).projection(new Document("_id", 1))
                .forEach(document -> unknown.remove(document.getString("_id")));
        if (unknown.isEmpty()) {
            return;
        }
        for (Document first : messages.aggregate(List.of(Aggregates.match(Filters.in("room", unknown)),
                Aggregates.sort(Sorts.ascending("seq")),
                Aggregates.group("$room", Accumulators.first("sender", "$sender"), Accumulators.first("at", "$timestamp"))))) {
            Document sender = first.get("sender", Document.class);
            insertIfAbsent(new Room(first.getString("_id"), first.getString("_id"), Room.PUBLIC,
                    new Sender(sender.getString("id"), sender.getString("name")),
                    ChatMessage.formatTimestamp(first.getDate("at").toInstant())));
        }
        for (Document poster : messages.aggregate(List.of(Aggregates.match(Filters.in("room", unknown)),
                Aggregates.group(new Document("room", "$room").append("id", "$sender.id"),
                        Accumulators.first("name", "$sender.name"), Accumulators.min("first", "$timestamp"))))) {
            Document key = poster.get("_id", Document.class);
            Sender sender = new Sender(key.getString("id"), poster.getString("name"));
            change(new Membership(key.getString("room"), sender, sender,
                    ChatMessage.formatTimestamp(poster.getDate("first").toInstant())), true);
        }
    }

    private static String membershipId(String room, String userId) {
        // Room ids never hold a slash, so no two (room, user) pairs share an id.
        return room + "/" + userId;
    }

    private static Document toDocument(Room room) {
        return new Document("_id", room.id())
                .append("name", room.name())
                .append("visibility", room.visibility())
                .append("created_by", new Document("id", room.createdBy().id()).append("name", room.createdBy().name()))
                .append("created_at", date(room.createdAt()));
    }

    private static Room fromDocument(Document document) {
        Document creator = document.get("created_by", Document.class);
        return new Room(document.getString("_id"), document.getString("name"), document.getString("visibility"),
                new Sender(creator.getString("id"), creator.getString("name")),
                ChatMessage.formatTimestamp(document.getDate("created_at").toInstant()));
    }

    private static Date date(String timestamp) {
        return Date.from(Instant.parse(timestamp));
    }

    private static <T> T read(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }
}
