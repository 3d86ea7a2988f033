package io.chatapp.socket;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chatapp.messaging.TypingPublisher;
import io.chatapp.model.Sender;
import io.chatapp.rooms.RoomNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * {@code typing}: relayed to the room's other members on every instance, if the user is in the
 * room; otherwise answered with an {@code error} frame, as for a room that does not exist. One
 * user's typing in one room is relayed at most once per {@link #RELAY_EVERY}: more is dropped,
 * unanswered, as the next one relayed says the same.
 */
@ApplicationScoped
public class TypingFrameHandler implements FrameHandler<Frames.Typing> {

    /** Clients send typing every 2 s at most; two tabs of one user still get through. */
    static final Duration RELAY_EVERY = Duration.ofSeconds(1);

    private final Cache<String, Boolean> relayedLately = Caffeine.newBuilder()
            .expireAfterWrite(RELAY_EVERY).maximumSize(100_000).executor(Runnable::run).build();

    @Inject
    TypingPublisher typing;

    @Override
    public Class<Frames.Typing> frameType() {
        return Frames.Typing.class;
    }

    @Override
    public void handle(Frames.Typing frame, Sender sender, ChatSession session) {
        String room = frame.room();
        if (room == null || room.isBlank()) {
            session.send(Frames.error(frame.clientMessageId(), 400, "room: must not be blank"));
            return;
        }
        // The session receives exactly the rooms its user is in.
        if (!session.rooms().contains(room)) {
            session.send(Frames.error(frame.clientMessageId(), 404, new RoomNotFoundException(room).getMessage()));
            return;
        }
        if (relayedLately.asMap().putIfAbsent(sender.id() + '\n' + room, Boolean.TRUE) == null) {
            typing.typing(room, sender);
        }
    }
}
