package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A message the server has accepted: it carries the server's id and timestamp.
 * <p>
 * The constraints are what every record on {@code chat-messages} must meet: the server only
 * writes such messages, and a record that breaks them came from elsewhere (another producer,
 * a bug, a replay) and is dead-lettered rather than shown or stored.
 *
 * @param timestamp UTC, ISO-8601 with milliseconds, as in {@code 2026-11-24T10:20:30.123Z}
 * @param clientMessageId the client's own id for the message, when it sent one; null is omitted in JSON
 */
@JsonbPropertyOrder({"id", "room", "text", "sender", "timestamp", "clientMessageId"})
public record ChatMessage(
        @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id,
        @NotNull @Pattern(regexp = NewMessage.ROOM_PATTERN, message = "must match " + NewMessage.ROOM_PATTERN) String room,
        @NotBlank @Size(max = NewMessage.MAX_TEXT) String text,
        @NotNull @Valid Sender sender,
        @NotNull @Pattern(regexp = TIMESTAMP_PATTERN, message = "must be UTC ISO-8601 with milliseconds") String timestamp,
        @Size(min = 1, max = 128) @Pattern(regexp = NewMessage.CLIENT_MESSAGE_ID_PATTERN,
                message = "must be printable ASCII without spaces") String clientMessageId) {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TIMESTAMP_PATTERN = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * Accepts a posted message: assigns its id and timestamp.
     * <p>
     * The id of a message that names a {@code clientMessageId} is derived from the sender and
     * that id, so a retry gets the same id on any server instance, and storage and broadcast
     * can recognise it as the same message.
     */
    public static ChatMessage accept(NewMessage posted, Sender sender, Instant now) {
        String id = posted.clientMessageId() == null
                ? UUID.randomUUID().toString()
                : retryStableId(sender.id(), posted.clientMessageId());
        return new ChatMessage(id, posted.room(), posted.text(), sender, formatTimestamp(now),
                posted.clientMessageId());
    }

    public static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public Instant timestampInstant() {
        return Instant.parse(timestamp);
    }

    private static String retryStableId(String senderId, String clientMessageId) {
        // Length-prefixed so that ("ab","c") and ("a","bc") never share an id.
        String name = senderId.length() + ":" + senderId + ":" + clientMessageId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
