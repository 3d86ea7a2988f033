package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * What a user does that others see at once but nobody needs later: typing, reading up to a
 * message, being connected. Unlike a {@link ChatEvent}, a signal is never stored and may be dropped under load;
 * it crosses instances on {@code chat-signals}, a record per signal, told apart by the JSON key
 * {@code "kind"}.
 */
@JsonbTypeInfo(key = "kind", value = {
    @JsonbSubtype(alias = "typing", type = Signal.Typing.class),
    @JsonbSubtype(alias = "read", type = Signal.Read.class),
    @JsonbSubtype(alias = "presence", type = Signal.Presence.class)
})
public sealed interface Signal {

    /** The record's key: the signals of one key keep their order. */
    String key();

    /** Who was typing where, as one instance heard it over a short while. */
    record Typing(String instance, List<Typist> typists) implements Signal {

        public Typing {
            Objects.requireNonNull(instance, "instance");
            typists = List.copyOf(Objects.requireNonNull(typists, "typists"));
        }

        @Override
        public String key() {
            return instance;
        }
    }

    /** The user is typing in the room. */
    record Typist(String room, Sender user) {

        public Typist {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(user, "user");
        }
    }

    /** The user has read the room up to the message, on one of their devices. */
    record Read(String userId, String room, String messageId) implements Signal {

        public Read {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(messageId, "messageId");
        }

        @Override
        public String key() {
            return userId;
        }
    }

    /**
     * Who has a session open on an instance: {@code online} users have one (each user when their
     * first session there opens, and all of them at every heartbeat), {@code offline} users no
     * longer have any (their last one closed, or the instance is stopping).
     */
    record Presence(String instance, List<Sender> online, List<String> offline) implements Signal {

        public Presence {
            Objects.requireNonNull(instance, "instance");
            online = online == null ? List.of() : List.copyOf(online);
            offline = offline == null ? List.of() : List.copyOf(offline);
        }

        @Override
        public String key() {
            return instance;
        }
    }
}
