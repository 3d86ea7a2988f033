package io.chatapp.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * A change of who is in a room: {@code member} joined or left it, by their own doing or by
 * {@code by}'s (a member adding someone, the creator removing someone).
 *
 * @param at when the server accepted the change: of two changes of one membership, the later wins
 */
public record Membership(
        @NotNull @Pattern(regexp = NewMessage.ROOM_PATTERN, message = "must match " + NewMessage.ROOM_PATTERN) String room,
        @NotNull @Valid Sender member,
        @NotNull @Valid Sender by,
        @NotNull @Pattern(regexp = ChatMessage.TIMESTAMP_PATTERN, message = "must be UTC ISO-8601 with milliseconds") String at) {

    public Instant atInstant() {
        return Instant.parse(at);
    }
}
