package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.Room;
import io.chatapp.model.Signal;
import io.chatapp.presence.PresenceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.stream.Stream;

/** Delivers signals from any instance to this instance's sessions they concern. */
@ApplicationScoped
public class SignalDelivery {

    @Inject
    SessionRegistry sessions;

    @Inject
    ChatMetrics metrics;

    /** Each typist to their room's members' sessions, but not to the typist's own. */
    void deliver(@Observes Signal.Typing typing) {
        for (Signal.Typist typist : typing.typists()) {
            sendUnlessBackedUp(sessions.audienceExcept(typist.room(), typist.user().id()), Frames.typing(typist.room(), typist.user()));
        }
    }

    /**
     * To the sessions of everyone who shares a room with the user but the user's own: everyone
     * is in {@code general}, so everyone shares it with everyone.
     */
    void deliver(@Observes PresenceChanged change) {
        sendUnlessBackedUp(sessions.audienceExcept(Room.GENERAL, change.user().id()), Frames.presence(change.user(), change.online()));
    }

    /**
     * Typing and presence frames are worth little late: not to a client already backed up, so
     * that under load they neither pile up ahead of messages nor get it disconnected as too slow
     * (the contract lets them be dropped; messages never are). When everyone connects at once,
     * each user's "online" would otherwise queue a frame at every other session.
     */
    private void sendUnlessBackedUp(Stream<ChatSession> audience, String frame) {
        audience.forEach(session -> {
            if (!session.sendUnlessBackedUp(frame)) {
                metrics.signalFrameSkipped();
            }
        });
    }

    /** To all of the reader's sessions: the one that read has nothing new to learn from it. */
    void deliver(@Observes Signal.Read read) {
        String frame = Frames.read(read.room(), read.messageId());
        sessions.sessionsOf(Set.of(read.userId())).forEach(session -> session.send(frame));
    }
}
