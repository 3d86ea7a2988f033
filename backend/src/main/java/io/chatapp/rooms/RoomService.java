package io.chatapp.rooms;

import io.chatapp.messaging.EventPublisher;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.messaging.SignalPublisher;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.BodyCheck;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.Membership;
import io.chatapp.model.NewRoom;
import io.chatapp.model.Room;
import io.chatapp.model.RoomCreation;
import io.chatapp.model.Sender;
import io.chatapp.model.Signal;
import io.chatapp.presence.PresenceBoard;
import io.chatapp.store.MessageRepository;
import io.chatapp.store.ReadMarkers;
import io.chatapp.store.RoomRepository;
import io.chatapp.store.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * Creating rooms, joining and leaving them, direct rooms, and the rooms a user sees. A change is
 * done once Kafka has its event (like a message); every instance then applies it, and the store
 * keeps it. A room's id is taken in the store first, so two rooms never share one.
 */
@ApplicationScoped
public class RoomService {

    private static final Sender SYSTEM = new Sender("chatapp", "Chat");
    private static final int MAX_LISTED_MEMBERS = 500;

    private final Clock clock = Clock.systemUTC();
    private volatile boolean setUp;

    @Inject
    Validator validator;

    @Inject
    EventPublisher publisher;

    @Inject
    SignalPublisher signals;

    @Inject
    PresenceBoard presence;

    @Inject
    RoomRepository rooms;

    @Inject
    MessageRepository messages;

    @Inject
    UserDirectory users;

    @Inject
    RoomAccess access;

    @Inject
    ReadMarkers readMarkers;

    @Inject
    Event<ChatEvent> events;

    /** {@code general} exists, and rooms known only from history are rooms; once per instance, when first needed. */
    private void setUp() {
        if (setUp) {
            return;
        }
        rooms.claim(new Room(Room.GENERAL, Room.GENERAL, Room.PUBLIC, SYSTEM, now()));
        rooms.adoptRoomsOfHistory();
        setUp = true;
    }

    /**
     * Creates a room with the caller and the users named as its members.
     *
     * @throws RoomTakenException if a room has that id
     * @throws UnknownUserException if a member named never signed in
     */
    public RoomView create(Sender creator, NewRoom request) {
        BodyCheck.requireValid(validator, request, "room");
        setUp();
        List<Sender> members = new ArrayList<>(List.of(creator));
        for (String userId : new LinkedHashSet<>(request.members())) {
            if (!userId.equals(creator.id())) {
                members.add(users.find(userId).orElseThrow(() -> new UnknownUserException(userId)));
            }
        }
        Room room = new Room(request.id(), request.name() == null ? request.id() : request.name(),
                request.visibility() == null ? Room.PUBLIC : request.visibility(), creator, now());
        if (!rooms.claim(room)) {
            throw new RoomTakenException(room.id());
        }
        publishCreation(room, members);
        return RoomView.of(room, true, members.size(), null, new RoomView.ReadState(0, null), null);
    }

    /** The direct room of the caller and the user, created on first use. */
    public RoomView direct(Sender caller, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidFieldException("userId", "must not be blank");
        }
        if (userId.equals(caller.id())) {
            throw new InvalidFieldException("userId", "must be another user than the caller");
        }
        setUp();
        Sender other = users.find(userId).orElseThrow(() -> new UnknownUserException(userId));
        String id = Room.directId(caller.id(), other.id());
        Optional<Room> existing = rooms.find(id);
        if (existing.isEmpty()) {
            String name = caller.name() + ", " + other.name();
            Room room = new Room(id, name.length() > Room.MAX_NAME ? name.substring(0, Room.MAX_NAME) : name, Room.DIRECT, caller, now());
            if (rooms.claim(room)) {
                publishCreation(room, List.of(caller, other));
                existing = Optional.of(room);
            } else {
                existing = rooms.find(id);
            }
        }
        Room room = existing.orElseThrow(() -> new RoomNotFoundException(id));
        return view(caller, room, 2, withPresence(Stream.of(caller, other).sorted(Comparator.comparing(Sender::name)).toList()));
    }

    private void publishCreation(Room room, List<Sender> members) {
        ChatEvent.RoomCreated created = new ChatEvent.RoomCreated(UUID.randomUUID().toString(), new RoomCreation(room, members));
        try {
            publish(created);
        } catch (NotDurableException e) {
            rooms.release(room);
            throw e;
        }
        applyHere(created);
    }

    /**
     * Adds the user to the room: the caller themselves to a public room, or a member someone
     * to a private room. Adding a member again changes nothing.
     */
    public void join(Sender caller, String roomId, String userId) {
        setUp();
        Room room = existing(roomId, caller);
        if (Room.GENERAL.equals(roomId)) {
            return;
        }
        if (room.isDirect()) {
            throw new RoomRefusedException("A direct room has its two members only");
        }
        boolean self = userId.equals(caller.id());
        if (room.isPublic() && !self) {
            throw new RoomRefusedException("Everyone joins a public room by themselves");
        }
        Sender member = self ? caller : users.find(userId).orElseThrow(() -> new UnknownUserException(userId));
        // Published even when the user seems a member already: the store may not have applied
        // the latest change yet, and applying a join again changes nothing.
        ChatEvent.MemberJoined joined = new ChatEvent.MemberJoined(UUID.randomUUID().toString(),
                new Membership(roomId, member, caller, now()));
        publish(joined);
        applyHere(joined);
    }

    /** Takes the user out of the room: the caller themselves, or anyone when the caller created the room. */
    public void leave(Sender caller, String roomId, String userId) {
        setUp();
        Room room = existing(roomId, caller);
        if (Room.GENERAL.equals(roomId)) {
            throw new RoomRefusedException("Everyone is a member of " + Room.GENERAL);
        }
        boolean self = userId.equals(caller.id());
        if (!self && !room.createdBy().id().equals(caller.id())) {
            throw new RoomRefusedException("Only the room's creator removes others");
        }
        // Published even when the user seems not to be a member: the store may not have applied
        // their join yet, and applying a leave again changes nothing.
        Sender member = self ? caller : users.find(userId).orElse(new Sender(userId, userId));
        ChatEvent.MemberLeft left = new ChatEvent.MemberLeft(UUID.randomUUID().toString(), new Membership(roomId, member, caller, now()));
        publish(left);
        applyHere(left);
    }

    /** The caller's rooms, the most recently active first. */
    public List<RoomView> mine(Sender caller) {
        setUp();
        Map<String, Instant> joined = joinedAt(caller);
        return views(caller, rooms.find(joined.keySet()), joined);
    }

    /** Every public room, member or not, the most recently active first. */
    public List<RoomView> publicRooms(Sender caller) {
        setUp();
        return views(caller, rooms.publicRooms(), joinedAt(caller));
    }

    /** One room the caller may see, with its members. */
    public RoomView room(Sender caller, String roomId) {
        setUp();
        Room room = existing(roomId, caller);
        boolean general = Room.GENERAL.equals(roomId);
        List<Sender> members = general ? users.search("", MAX_LISTED_MEMBERS) : access.membersNow(roomId, rooms.members(roomId));
        return view(caller, room, general ? users.count() : members.size(), withPresence(members));
    }

    /**
     * Marks the room read by the caller up to the message (a marker only moves forward).
     *
     * @throws MessageNotFoundException if the room has no stored message of that id
     */
    public void read(Sender caller, String roomId, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new InvalidFieldException("messageId", "must not be blank");
        }
        existing(roomId, caller);
        if (!readMarkers.markRead(roomId, caller.id(), messageId, clock.instant())) {
            throw new MessageNotFoundException(roomId, messageId);
        }
        signals.publish(new Signal.Read(caller.id(), roomId, messageId));
    }

    /** The rooms the caller is in, and since when: {@code general} since they first signed in. */
    private Map<String, Instant> joinedAt(Sender caller) {
        Map<String, Instant> joined = new LinkedHashMap<>(rooms.joinedAt(caller.id()));
        joined.putIfAbsent(Room.GENERAL, users.firstSeen(caller.id()).orElse(clock.instant()));
        return joined;
    }

    private RoomView view(Sender caller, Room room, long memberCount, List<RoomView.Member> memberList) {
        Map<String, Instant> joined = joinedAt(caller);
        Map<String, ReadMarkers.Marker> markers = readMarkers.of(caller.id(), List.of(room.id()));
        return RoomView.of(room, joined.containsKey(room.id()), memberCount, messages.lastMessageAt(List.of(room.id())).get(room.id()),
                readState(caller, room.id(), joined, markers), memberList);
    }

    /** The members, each with whether they are online now. */
    private List<RoomView.Member> withPresence(List<Sender> members) {
        return members.stream().map(member -> new RoomView.Member(member.id(), member.name(), presence.isOnline(member.id()))).toList();
    }

    /** Rooms as the caller sees them in a list: direct rooms with their two members, to show who each is with. */
    private List<RoomView> views(Sender caller, List<Room> found, Map<String, Instant> joined) {
        List<String> ids = found.stream().map(Room::id).toList();
        Map<String, List<Sender>> directMembers = rooms.members(found.stream().filter(Room::isDirect).map(Room::id).toList());
        Map<String, Long> counts = rooms.memberCounts(ids);
        Map<String, String> last = messages.lastMessageAt(ids);
        Map<String, ReadMarkers.Marker> markers = readMarkers.of(caller.id(), ids.stream().filter(joined::containsKey).toList());
        long everyone = ids.contains(Room.GENERAL) ? users.count() : 0;
        return found.stream()
                .map(room -> RoomView.of(room, joined.containsKey(room.id()),
                        Room.GENERAL.equals(room.id()) ? everyone : counts.getOrDefault(room.id(), 0L), last.get(room.id()),
                        readState(caller, room.id(), joined, markers),
                        room.isDirect() ? withPresence(directMembers.getOrDefault(room.id(), List.of())) : null))
                .sorted(Comparator.comparing((RoomView view) -> view.lastMessageAt() == null ? "" : view.lastMessageAt()).reversed()
                        .thenComparing(RoomView::name))
                .toList();
    }

    private RoomView.ReadState readState(Sender caller, String roomId, Map<String, Instant> joined,
                                         Map<String, ReadMarkers.Marker> markers) {
        if (!joined.containsKey(roomId)) {
            return null;
        }
        Optional<ReadMarkers.Marker> marker = Optional.ofNullable(markers.get(roomId));
        return new RoomView.ReadState(readMarkers.unread(roomId, caller.id(), marker, joined.get(roomId)),
                marker.map(ReadMarkers.Marker::messageId).orElse(null));
    }

    /** The room, if it exists and the caller may see it. */
    private Room existing(String roomId, Sender caller) {
        return access.requireVisible(roomId, caller.id()).orElseThrow(() -> new RoomNotFoundException(roomId));
    }

    /**
     * Applies an event this instance has just published, as the broadcast consumer will once it
     * reads it back: from the answer on, the change holds here (access, subscriptions).
     */
    private void applyHere(ChatEvent event) {
        events.fire(event);
    }

    private void publish(ChatEvent event) {
        CompletionStage<?> published;
        try {
            published = publisher.publish(event);
            published.toCompletableFuture().join();
        } catch (CompletionException | IllegalStateException e) {
            throw new NotDurableException("Kafka did not acknowledge the " + event.getClass().getSimpleName() + " event", e);
        }
    }


    private String now() {
        return ChatMessage.formatTimestamp(clock.instant());
    }
}
