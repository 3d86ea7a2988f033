package io.chatapp.rooms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.chatapp.lifecycle.Stopping;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.Membership;
import io.chatapp.model.Room;
import io.chatapp.model.Sender;
import io.chatapp.store.MemberState;
import io.chatapp.store.RoomRepository;
import io.chatapp.store.StoreUnavailableException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Who may see which room, for everything that asks: the API, the WebSocket frames and delivery.
 * Anyone signed in sees a public room (and a room no one has created yet, which a first message
 * makes public); a private or direct room only its members see.
 * <p>
 * Each room asked about is read from the store once and then kept current by the membership
 * events this instance reads from Kafka (and applies as soon as it has published one itself).
 * Of two changes of one membership the later one wins, in whichever order they arrive.
 * <p>
 * A user's request that needs a room the store does not answer for is told so at once
 * ({@link StoreUnavailableException}); delivery waits until the store answers, since it can
 * neither skip the event nor hand a private room's event to anyone before it knows the members.
 */
@ApplicationScoped
public class RoomAccess {

    /** What this instance knows of a room: the room (null while none was created) and its members' latest changes. */
    private record KnownRoom(Room room, Map<String, MemberState> memberships) {

        boolean visibleTo(String userId) {
            if (room == null || room.isPublic()) {
                return true;
            }
            MemberState state = memberships.get(userId);
            return state != null && state.member();
        }
    }

    private static final Logger LOG = Logger.getLogger(RoomAccess.class.getName());

    /** Between two reads of a room for delivery; each read is bounded by the store's request timeout itself. */
    private static final Duration STORE_RETRY_PAUSE = Duration.ofMillis(250);

    @Inject
    RoomRepository repository;

    private volatile boolean stopping;

    /**
     * How long the changes this instance applied are kept beside the store, after the last one
     * for that user or room: the store has a change only once the persisting consumers reach it,
     * which under a backlog takes minutes, and a session opening meanwhile must not miss a room.
     */
    static final Duration RECENT_CHANGES_KEPT = Duration.ofMinutes(10);

    private final LoadingCache<String, KnownRoom> rooms;

    /**
     * Per user, the membership changes this instance applied lately, by room: what a session
     * opening now must add to what the store says, which may not have them yet.
     */
    private final Cache<String, Map<String, MemberState>> recentByUser;

    /** Per room, the membership changes this instance applied lately, by user: what a list of members read from the store may lack. */
    private final Cache<String, Map<String, MemberState>> recentByRoom;

    public RoomAccess() {
        this(Ticker.systemTicker());
    }

    RoomAccess(Ticker ticker) {
        rooms = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(30)).ticker(ticker).build(this::load);
        recentByUser = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(RECENT_CHANGES_KEPT).ticker(ticker).build();
        recentByRoom = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(RECENT_CHANGES_KEPT).ticker(ticker).build();
    }

    private KnownRoom load(String id) {
        Optional<Room> room = repository.find(id);
        Map<String, MemberState> memberships = new ConcurrentHashMap<>();
        if (room.isPresent() && !room.get().isPublic()) {
            repository.memberships(id).forEach(state -> memberships.put(state.user().id(), state));
        }
        return new KnownRoom(room.orElse(null), memberships);
    }

    /**
     * The room, when the user may see it.
     *
     * @return empty for a room not created yet (which is public); a {@link RoomNotFoundException} otherwise
     * @throws RoomNotFoundException if the user may not see it, or it is a direct room that does not exist
     */
    public Optional<Room> requireVisible(String roomId, String userId) {
        KnownRoom known = rooms.get(roomId);
        if (known.room == null) {
            // It may have been created a moment ago on another instance: the store says for sure.
            rooms.invalidate(roomId);
            known = rooms.get(roomId);
        }
        if (known.room == null ? roomId.startsWith(Room.DIRECT_PREFIX) : !known.visibleTo(userId)) {
            throw new RoomNotFoundException(roomId);
        }
        return Optional.ofNullable(known.room);
    }

    /** Whether the user may see the room. */
    public boolean visible(String roomId, String userId) {
        try {
            requireVisible(roomId, userId);
            return true;
        } catch (RoomNotFoundException e) {
            return false;
        }
    }

    /**
     * Who a room's events go to: empty for everyone (a public room), else the ids of its members.
     * Asked by delivery, so it waits for the store.
     */
    public Optional<Set<String>> audience(String roomId) {
        KnownRoom known = awaitKnown(roomId);
        if (known.room == null || known.room.isPublic()) {
            return Optional.empty();
        }
        return Optional.of(known.memberships.values().stream().filter(MemberState::member)
                .map(state -> state.user().id()).collect(Collectors.toUnmodifiableSet()));
    }

    /** The room as delivery needs it: read until the store answers, unless the instance is stopping. */
    private KnownRoom awaitKnown(String roomId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return rooms.get(roomId);
            } catch (StoreUnavailableException e) {
                if (stopping) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.log(Level.WARNING, "Delivery in room {0} waits for the store to say who is in it: {1}",
                            new Object[] {roomId, String.valueOf(e.getCause())});
                }
                try {
                    Thread.sleep(STORE_RETRY_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    void stopping(@Observes Stopping signal) {
        stopping = true;
    }

    /** The rooms the user is in now: {@code general}, and those the store and the latest changes say. */
    public Set<String> roomsOf(String userId) {
        Map<String, MemberState> states = new HashMap<>(repository.membershipsOf(userId));
        Map<String, MemberState> recent = recentByUser.getIfPresent(userId);
        if (recent != null) {
            recent.forEach((room, change) -> states.merge(room, change, RoomAccess::later));
        }
        Set<String> rooms = new HashSet<>();
        states.forEach((room, state) -> {
            if (state.member()) {
                rooms.add(room);
            }
        });
        rooms.add(Room.GENERAL);
        return rooms;
    }

    /** Whether the latest change of the user's membership of the room that this instance applied made them a member. */
    public boolean lastChangeJoined(String userId, String roomId) {
        Map<String, MemberState> recent = recentByUser.getIfPresent(userId);
        MemberState state = recent == null ? null : recent.get(roomId);
        return state != null && state.member();
    }

    private static MemberState later(MemberState current, MemberState next) {
        return next.changedAt().isBefore(current.changedAt()) ? current : next;
    }

    void created(@Observes @Priority(Interceptor.Priority.APPLICATION) ChatEvent.RoomCreated created) {
        Room room = created.creation().room();
        Map<String, MemberState> memberships = new ConcurrentHashMap<>();
        Instant at = Instant.parse(room.createdAt());
        created.creation().members().forEach(member -> {
            MemberState state = new MemberState(member, true, at);
            memberships.put(member.id(), state);
            remember(room.id(), state);
        });
        rooms.asMap().merge(room.id(), new KnownRoom(room, memberships),
                (known, fresh) -> known.room == null ? fresh : known);
    }

    /** Posting to a public room makes the poster a member, as the store applies it too. */
    void posted(@Observes @Priority(Interceptor.Priority.APPLICATION) ChatEvent.MessagePosted posted) {
        ChatMessage message = posted.message();
        if (audience(message.room()).isEmpty()) {
            remember(message.room(), new MemberState(message.sender(), true, message.timestampInstant()));
        }
    }

    void joined(@Observes @Priority(Interceptor.Priority.APPLICATION) ChatEvent.MemberJoined joined) {
        change(joined.membership(), true);
    }

    void left(@Observes @Priority(Interceptor.Priority.APPLICATION) ChatEvent.MemberLeft left) {
        change(left.membership(), false);
    }

    private void change(Membership membership, boolean member) {
        MemberState change = new MemberState(membership.member(), member, membership.atInstant());
        remember(membership.room(), change);
        KnownRoom known = rooms.getIfPresent(membership.room());
        if (known != null) {
            known.memberships.merge(membership.member().id(), change, RoomAccess::later);
        }
        // Otherwise read from the store when first asked about.
    }

    private void remember(String roomId, MemberState change) {
        remember(recentByUser, change.user().id(), roomId, change);
        remember(recentByRoom, roomId, change.user().id(), change);
    }

    /** Adds the change as a write of the entry, so that the entry is kept for as long again from now. */
    private static void remember(Cache<String, Map<String, MemberState>> recent, String key, String by, MemberState change) {
        recent.asMap().compute(key, (ignored, changes) -> {
            Map<String, MemberState> now = changes == null ? new ConcurrentHashMap<>() : changes;
            now.merge(by, change, RoomAccess::later);
            return now;
        });
    }

    /**
     * A room's members as read from the store, with the changes this instance applied since,
     * which the store may not have yet: whoever was just added or removed is listed as such.
     *
     * @param stored the members the store lists, by name
     * @return the members now, by name
     */
    public List<Sender> membersNow(String roomId, List<Sender> stored) {
        Map<String, MemberState> recent = recentByRoom.getIfPresent(roomId);
        if (recent == null) {
            return stored;
        }
        Map<String, Sender> members = new LinkedHashMap<>();
        stored.forEach(member -> members.put(member.id(), member));
        recent.values().forEach(change -> {
            if (change.member()) {
                members.put(change.user().id(), change.user());
            } else {
                members.remove(change.user().id());
            }
        });
        return members.values().stream().sorted(Comparator.comparing(Sender::name)).toList();
    }
}
