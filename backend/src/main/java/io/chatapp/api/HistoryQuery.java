package io.chatapp.api;

import io.chatapp.model.NewMessage;
import io.chatapp.rooms.InvalidFieldException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The query of {@code GET /api/messages}. */
public class HistoryQuery {

    @QueryParam("room")
    @NotNull
    @Pattern(regexp = NewMessage.ROOM_PATTERN, message = "must match " + NewMessage.ROOM_PATTERN)
    public String room;

    // Text, so that a limit that is not a number is a 400 naming the field (JAX-RS would answer 404).
    @QueryParam("limit")
    @DefaultValue("50")
    @Pattern(regexp = "[1-9]|[1-9][0-9]|1[0-9][0-9]|200", message = "must be a whole number from 1 to 200")
    public String limit;

    @QueryParam("before")
    @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a message id")
    public String before;

    @QueryParam("after")
    @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a message id")
    public String after;

    @QueryParam("changedSince")
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z", message = "must be a UTC ISO-8601 time")
    public String changedSince;

    /** One way of paging at a time. */
    void requireOneCursor() {
        if ((before == null ? 0 : 1) + (after == null ? 0 : 1) + (changedSince == null ? 0 : 1) > 1) {
            throw new InvalidFieldException(changedSince != null ? "changedSince" : "after", "give only one of before, after and changedSince");
        }
    }

    /** @throws InvalidFieldException for a time of the right form that does not exist (a 13th month) */
    Instant changedSinceValue() {
        try {
            return Instant.parse(changedSince);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("changedSince", "must be a UTC ISO-8601 time that exists");
        }
    }

    int limitValue() {
        return Integer.parseInt(limit);
    }
}
