package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A message the server has accepted: it carries the server's id and timestamp.
 *
 * @param timestamp UTC, ISO-8601 with milliseconds, as in {@code 2026-11-24T10:20:30.123Z}
 * @param clientMessageId the client's own id for the message, when it sent one; null is omitted in JSON
 */
@JsonbPropertyOrder({"id", "room", "text", "sender", "timestamp", "clientMessageId"})
public record ChatMessage(String id, String room, String text, Sender sender, String timestamp,
                          String clientMessageId) {

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
