package io.chatapp.socket;

import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.Membership;
import io.chatapp.rooms.RoomAccess;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.Set;

/**
 * Which rooms each open session receives: the rooms of its user. A session opening is
 * subscribed to them; membership events (from Kafka, or published here a moment ago) subscribe
 * and unsubscribe the member's sessions; posting to a public room subscribes the poster's
 * sessions before the message is delivered, as posting makes the poster a member.
 * <p>
 * Each change asks {@link RoomAccess} (which applied the event first) whether the user's latest
 * membership change made them a member, so a change arriving after a later one changes nothing.
 */
@ApplicationScoped
public class RoomSubscriptions {

    /** After {@link RoomAccess} has applied the event, before delivery. */
    private static final int AFTER_ACCESS = Interceptor.Priority.APPLICATION + 100;

    @Inject
    SessionRegistry sessions;

    @Inject
    RoomAccess access;

    /** Subscribes a session that has just opened (and is in the registry) to its user's rooms. */
    void opened(ChatSession session) {
        access.roomsOf(session.userId()).forEach(room -> sessions.subscribe(session, room));
    }

    void created(@Observes @Priority(AFTER_ACCESS) ChatEvent.RoomCreated created) {
        String room = created.room();
        created.creation().members().forEach(member -> follow(room, member.id()));
    }

    void joined(@Observes @Priority(AFTER_ACCESS) ChatEvent.MemberJoined joined) {
        follow(joined.membership());
    }

    void left(@Observes @Priority(AFTER_ACCESS) ChatEvent.MemberLeft left) {
        follow(left.membership());
    }

    void posted(@Observes @Priority(AFTER_ACCESS) ChatEvent.MessagePosted posted) {
        ChatMessage message = posted.message();
        if (access.audience(message.room()).isEmpty()) {
            follow(message.room(), message.sender().id());
        }
    }

    private void follow(Membership membership) {
        follow(membership.room(), membership.member().id());
    }

    /** Subscribes or unsubscribes the user's sessions as their latest membership change says. */
    private void follow(String room, String userId) {
        boolean member = access.lastChangeJoined(userId, room);
        sessions.sessionsOf(Set.of(userId)).forEach(session -> {
            if (member) {
                sessions.subscribe(session, room);
            } else {
                sessions.unsubscribe(session, room);
            }
        });
    }
}
