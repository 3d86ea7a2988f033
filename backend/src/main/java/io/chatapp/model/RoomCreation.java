package io.chatapp.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A room as it was created, with its first members (its creator among them). */
public record RoomCreation(@NotNull @Valid Room room, @NotEmpty List<@NotNull @Valid Sender> members) {
}
