package io.chatapp.api;

import io.chatapp.model.NewMessage;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

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

    int limitValue() {
        return Integer.parseInt(limit);
    }
}
