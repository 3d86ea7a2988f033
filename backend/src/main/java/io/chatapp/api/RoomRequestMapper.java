package io.chatapp.api;

import io.chatapp.problem.Problem;
import io.chatapp.rooms.RoomRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A room request refused: 404 alike for a room that does not exist and one the caller may not
 * see, 403 for what the caller may not do to a room they see, 409 for an id taken.
 */
@Provider
public class RoomRequestMapper implements ExceptionMapper<RoomRequestException> {

    @Override
    public Response toResponse(RoomRequestException exception) {
        return Problem.of(Response.Status.fromStatusCode(exception.status()), exception.getMessage()).toResponse().build();
    }
}
