package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message as a client posts it (REST body or WebSocket {@code send} frame).
 * The text is trimmed on construction, so the length rules apply to what is stored.
 *
 * @param replyTo the id of a message of the same room that this one answers, if any
 */
public record NewMessage(
        @NotNull
        @Pattern(regexp = ROOM_PATTERN, message = "must match " + ROOM_PATTERN)
        String room,

        @NotBlank
        @Size(max = MAX_TEXT, message = "must be at most " + MAX_TEXT + " characters after trimming")
        String text,

        @Size(min = 1, max = 128)
        @Pattern(regexp = CLIENT_MESSAGE_ID_PATTERN, message = "must be printable ASCII without spaces")
        String clientMessageId,

        @Pattern(regexp = ChatMessage.UUID_PATTERN, message = "must be a message id")
        String replyTo) {

    public static final String ROOM_PATTERN = "[a-z0-9][a-z0-9_-]{0,39}";
    public static final int MAX_TEXT = 4000;
    public static final String CLIENT_MESSAGE_ID_PATTERN = "[\\x21-\\x7e]*";

    @JsonbCreator
    public NewMessage {
        text = text == null ? null : text.strip();
    }

    /** A message that answers none. */
    public NewMessage(String room, String text, String clientMessageId) {
        this(room, text, clientMessageId, null);
    }
}
