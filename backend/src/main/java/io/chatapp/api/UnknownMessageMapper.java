package io.chatapp.api;

import io.chatapp.problem.Problem;
import io.chatapp.store.UnknownMessageException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** A history cursor ({@code before}, {@code after}) that names no message of the room. */
@Provider
public class UnknownMessageMapper implements ExceptionMapper<UnknownMessageException> {

    @Override
    public Response toResponse(UnknownMessageException exception) {
        return Problem.invalid(List.of(new Problem.FieldError(exception.cursor(), exception.getMessage()))).toResponse().build();
    }
}
