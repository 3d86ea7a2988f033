package io.chatapp.api;

import io.chatapp.model.NewMessage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    public int limit;

    @QueryParam("before")
    @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a message id")
    public String before;
}
