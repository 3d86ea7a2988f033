package io.chatapp.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/messages/{id}}: the new text, trimmed, under the rules of posting. */
public record MessageEdit(
        @NotBlank
        @Size(max = NewMessage.MAX_TEXT, message = "must be at most " + NewMessage.MAX_TEXT + " characters after trimming")
        String text) {

    public MessageEdit {
        text = text == null ? null : text.strip();
    }
}
