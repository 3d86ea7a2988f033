package io.chatapp.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Objects;

/**
 * Something that happened in a room: what travels on {@code chat-messages}, in the room's
 * order, and what every instance applies. Each event has an id (a consumer that sees one twice
 * applies it once), its room, an {@link EventType} and the data its record carries as JSON.
 * <p>
 * The kinds of event are the records nested here (the interface permits exactly those, some
 * through a sealed interface that groups them). The broadcast consumer fires each event once as
 * a CDI event, and the persistence consumer stores it by its kind, so a new kind is applied by
 * adding its record here, its store step and observers of it where it takes effect.
 */
public sealed interface ChatEvent {

    String id();

    String room();

    /** What the event's record carries as its value. */
    Object data();

    /** Its type as its record names it ({@link EventType}). */
    default EventType type() {
        return getClass().getAnnotation(EventType.class);
    }

    /** A message was posted: its id is the message's, so a client's retry is the same event. */
    @EventType(name = "io.chatapp.message.posted", schemaVersion = 1)
    record MessagePosted(@NotNull @Valid ChatMessage message) implements ChatEvent {

        public MessagePosted {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String id() {
            return message.id();
        }

        @Override
        public String room() {
            return message.room();
        }

        @Override
        public Object data() {
            return message;
        }
    }

    /** A room was created with its first members. */
    @EventType(name = "io.chatapp.room.created", schemaVersion = 1)
    record RoomCreated(String id, @NotNull @Valid RoomCreation creation) implements ChatEvent {

        public RoomCreated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(creation, "creation");
        }

        @Override
        public String room() {
            return creation.room().id();
        }

        @Override
        public Object data() {
            return creation;
        }
    }

    /** A change of who is in a room. */
    sealed interface MembershipChange extends ChatEvent {

        Membership membership();

        @Override
        default String room() {
            return membership().room();
        }

        @Override
        default Object data() {
            return membership();
        }
    }

    /** Someone joined a room, or was added to it. */
    @EventType(name = "io.chatapp.member.joined", schemaVersion = 1)
    record MemberJoined(String id, @NotNull @Valid Membership membership) implements MembershipChange {

        public MemberJoined {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(membership, "membership");
        }
    }

    /** Someone left a room, or was removed from it. */
    @EventType(name = "io.chatapp.member.left", schemaVersion = 1)
    record MemberLeft(String id, @NotNull @Valid Membership membership) implements MembershipChange {

        public MemberLeft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(membership, "membership");
        }
    }

    /**
     * A change of a message: it carries the message's whole new state, whose version is one more
     * than the state it replaced; its id is the change's own.
     */
    sealed interface MessageChange extends ChatEvent {

        ChatMessage message();

        @Override
        default String room() {
            return message().room();
        }

        @Override
        default Object data() {
            return message();
        }
    }

    /** Its sender changed a message's text. */
    @EventType(name = "io.chatapp.message.edited", schemaVersion = 1)
    record MessageEdited(String id, @NotNull @Valid ChatMessage message) implements MessageChange {

        public MessageEdited {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Its sender deleted a message: the state is a tombstone. */
    @EventType(name = "io.chatapp.message.deleted", schemaVersion = 1)
    record MessageDeleted(String id, @NotNull @Valid ChatMessage message) implements MessageChange {

        public MessageDeleted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Someone put an emoji on a message, or took theirs off. */
    @EventType(name = "io.chatapp.message.reacted", schemaVersion = 1)
    record ReactionChanged(String id, @NotNull @Valid ChatMessage message) implements MessageChange {

        public ReactionChanged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
        }
    }
}
