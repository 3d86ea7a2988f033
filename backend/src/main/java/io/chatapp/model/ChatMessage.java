package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message the server has accepted: it carries the server's id and timestamp.
 * <p>
 * The constraints are what every record on {@code chat-messages} must meet: the server only
 * writes such messages, and a record that breaks them came from elsewhere (another producer,
 * a bug, a replay) and is dead-lettered rather than shown or stored.
 *
 * A message changes (edited, deleted, reacted to) by whole new states: each carries all of the
 * message and a {@code version} one higher than the state it replaced, so whoever holds two
 * states of a message keeps the one with the higher version.
 *
 * @param timestamp UTC, ISO-8601 with milliseconds, as in {@code 2026-11-24T10:20:30.123Z}
 * @param clientMessageId the client's own id for the message, when it sent one; null is omitted in JSON
 * @param replyTo   the id of the message of the same room that this one answers, if any
 * @param mentions  the ids of the room's members its text names ({@code @name} or {@code @id}); null when none
 * @param version   1 when posted, one more with every change
 * @param editedAt  when its text last changed, if it did
 * @param deleted   true once deleted (its text is then empty); null otherwise
 * @param reactions its emoji and who put them there, in the order they were first put; null when none
 */
@MessageText
@JsonbPropertyOrder({"id", "room", "text", "sender", "timestamp", "clientMessageId", "replyTo", "mentions", "version", "editedAt", "deleted", "reactions"})
public record ChatMessage(
        @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id,
        @NotNull @Pattern(regexp = NewMessage.ROOM_PATTERN, message = "must match " + NewMessage.ROOM_PATTERN) String room,
        @Size(max = NewMessage.MAX_TEXT) String text,
        @NotNull @Valid Sender sender,
        @NotNull @Pattern(regexp = TIMESTAMP_PATTERN, message = "must be UTC ISO-8601 with milliseconds") String timestamp,
        @Size(min = 1, max = 128) @Pattern(regexp = NewMessage.CLIENT_MESSAGE_ID_PATTERN,
                message = "must be printable ASCII without spaces") String clientMessageId,
        @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String replyTo,
        List<@NotNull String> mentions,
        @Min(1) int version,
        @Pattern(regexp = TIMESTAMP_PATTERN, message = "must be UTC ISO-8601 with milliseconds") String editedAt,
        Boolean deleted,
        List<@NotNull @Valid Reaction> reactions) {

    @JsonbCreator
    public ChatMessage {
        // A record written before messages changed has no version: it is the first.
        version = Math.max(version, 1);
        deleted = Boolean.TRUE.equals(deleted) ? Boolean.TRUE : null;
        reactions = reactions == null || reactions.isEmpty() ? null : List.copyOf(reactions);
        mentions = mentions == null || mentions.isEmpty() ? null : List.copyOf(mentions);
    }

    /** A message as posted, answering none and naming no one: version 1, never edited, no reactions. */
    public ChatMessage(String id, String room, String text, Sender sender, String timestamp, String clientMessageId) {
        this(id, room, text, sender, timestamp, clientMessageId, null, null, 1, null, null, null);
    }

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(UUID_PATTERN);
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
        return accept(posted, sender, now, null);
    }

    /** Accepts a posted message whose text names these members. */
    public static ChatMessage accept(NewMessage posted, Sender sender, Instant now, List<String> mentions) {
        String id = posted.clientMessageId() == null
                ? UUID.randomUUID().toString()
                : retryStableId(sender.id(), posted.clientMessageId());
        return new ChatMessage(id, posted.room(), posted.text(), sender, formatTimestamp(now),
                posted.clientMessageId(), posted.replyTo(), mentions, 1, null, null, null);
    }

    /** Whether the text has the form of a message's id. */
    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    public static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public Instant timestampInstant() {
        return parseTimestamp(timestamp);
    }

    /**
     * The instant of a timestamp as {@link #formatTimestamp} writes it, read without the general
     * ISO-8601 parser: a message's timestamp is read several times on its way (checked, counted,
     * stored), and the general parser is slow for a form that never varies. Any other form is
     * read by {@link Instant#parse}, which says what is wrong with it.
     *
     * @throws DateTimeException if it is not a date and time that exists
     */
    public static Instant parseTimestamp(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int millis = digits(text, 20, 23);
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException outOfRange) {
                    // Instant.parse below says which field is wrong, or reads a leap second.
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in text[from, to), or -1 when a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public boolean wasDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    /** The next state: this text, naming these members, edited at that time. */
    public ChatMessage edited(String newText, List<String> newMentions, Instant at) {
        return new ChatMessage(id, room, newText, sender, timestamp, clientMessageId, replyTo, newMentions, version + 1,
                formatTimestamp(at), deleted, reactions);
    }

    /** The next state: a tombstone that keeps only who sent it, when, and what it answered. */
    public ChatMessage deletedState() {
        return new ChatMessage(id, room, "", sender, timestamp, clientMessageId, replyTo, null, version + 1, editedAt, true, null);
    }

    /** Whether the user has put this emoji on the message. */
    public boolean hasReaction(String emoji, String userId) {
        return reactions != null && reactions.stream().anyMatch(reaction -> reaction.emoji().equals(emoji) && reaction.users().contains(userId));
    }

    /** The next state: the user's emoji put on ({@code on}) or taken off. */
    public ChatMessage reacted(String emoji, String userId, boolean on) {
        List<Reaction> next = new ArrayList<>();
        boolean found = false;
        for (Reaction reaction : reactions == null ? List.<Reaction>of() : reactions) {
            if (!reaction.emoji().equals(emoji)) {
                next.add(reaction);
                continue;
            }
            found = true;
            List<String> users = new ArrayList<>(reaction.users());
            users.remove(userId);
            if (on) {
                users.add(userId);
            }
            if (!users.isEmpty()) {
                next.add(new Reaction(emoji, users));
            }
        }
        if (!found && on) {
            next.add(new Reaction(emoji, List.of(userId)));
        }
        return new ChatMessage(id, room, text, sender, timestamp, clientMessageId, replyTo, mentions, version + 1, editedAt, deleted, next);
    }

    private static String retryStableId(String senderId, String clientMessageId) {
        // Length-prefixed so that ("ab","c") and ("a","bc") never share an id.
        String name = senderId.length() + ":" + senderId + ":" + clientMessageId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
