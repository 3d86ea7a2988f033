package io.chatapp.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A room as a client asks for it to be created ({@code POST /api/rooms}).
 *
 * @param name       shown instead of the id; the id when absent
 * @param visibility public or private; public when absent (direct rooms come from {@code POST /api/direct})
 * @param members    ids of users to add besides the creator
 */
public record NewRoom(
        @NotNull
        @Pattern(regexp = ID_PATTERN, message = "must match " + NewMessage.ROOM_PATTERN + " and not begin with " + Room.DIRECT_PREFIX)
        String id,

        @Size(min = 1, max = Room.MAX_NAME)
        String name,

        @Pattern(regexp = Room.PUBLIC + "|" + Room.PRIVATE, message = "must be public or private")
        String visibility,

        @Size(max = MAX_MEMBERS)
        List<@NotBlank @Size(max = 255) String> members) {

    static final String ID_PATTERN = "(?!" + Room.DIRECT_PREFIX + ")" + NewMessage.ROOM_PATTERN;
    public static final int MAX_MEMBERS = 500;

    public NewRoom {
        name = name == null ? null : name.strip();
        members = members == null ? List.of() : members;
    }
}
