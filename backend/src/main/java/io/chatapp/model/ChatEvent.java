package io.chatapp.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Objects;

/**
 * Something that happened in a room: what travels on {@code chat-messages}, in the room's
 * order, and what every instance applies. Each event has an id (a consumer that sees one twice
 * applies it once), its room, an {@link EventType} and the data its record carries as JSON.
 * <p>
 * The kinds of event are the records nested here (the interface permits exactly those). The
 * broadcast consumer fires each event once as a CDI event, so a new kind is applied by adding
 * its record here and observers of it where it takes effect.
 */
public sealed interface ChatEvent {

    String id();

    String room();

    /** What the event's record carries as its value. */
    Object data();

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
}
