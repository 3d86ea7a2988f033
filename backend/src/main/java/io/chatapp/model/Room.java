package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A room: where messages are posted, and who may see them. Anyone signed in may read and join a
 * public room; a private room is its members' alone; a direct room is the one room of two users.
 *
 * @param createdAt UTC, ISO-8601 with milliseconds, like a message's timestamp
 */
@JsonbPropertyOrder({"id", "name", "visibility", "createdBy", "createdAt"})
public record Room(
        @NotNull @Pattern(regexp = NewMessage.ROOM_PATTERN, message = "must match " + NewMessage.ROOM_PATTERN) String id,
        @NotBlank @Size(max = MAX_NAME) String name,
        @NotNull @Pattern(regexp = PUBLIC + "|" + PRIVATE + "|" + DIRECT, message = "must be public, private or direct") String visibility,
        @NotNull @Valid Sender createdBy,
        @NotNull @Pattern(regexp = ChatMessage.TIMESTAMP_PATTERN, message = "must be UTC ISO-8601 with milliseconds") String createdAt) {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";
    public static final String DIRECT = "direct";
    /** Every user is a member of it, from the start. */
    public static final String GENERAL = "general";
    public static final int MAX_NAME = 80;
    /** Direct rooms' ids, and only theirs, begin so. */
    public static final String DIRECT_PREFIX = "dm-";

    /** Whether anyone signed in may read it and join it. */
    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }

    /** Whether it is the room of two users (see {@link #directId}). */
    public boolean isDirect() {
        return DIRECT.equals(visibility);
    }

    /** The id of the direct room of two users: the same whichever of them asks. */
    public static String directId(String userId, String otherUserId) {
        String[] pair = Stream.of(userId, otherUserId).sorted().toArray(String[]::new);
        // Length-prefixed so that no two pairs share an id.
        String key = pair[0].length() + ":" + pair[0] + ":" + pair[1];
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return DIRECT_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
