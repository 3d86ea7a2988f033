package io.chatapp.model;

import jakarta.validation.constraints.NotBlank;

/**
 * Who sent a message, as taken from the sender's token: never from the request body.
 *
 * @param id   the token's {@code sub}
 * @param name a display name
 */
public record Sender(@NotBlank String id, @NotBlank String name) {
}
