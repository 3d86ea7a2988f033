package io.chatapp.api;

import io.chatapp.problem.Problem;
import io.chatapp.rooms.InvalidFieldException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** A field that breaks a rule of the request as a whole: 400 naming it. */
@Provider
public class InvalidFieldMapper implements ExceptionMapper<InvalidFieldException> {

    @Override
    public Response toResponse(InvalidFieldException exception) {
        return Problem.invalid(List.of(new Problem.FieldError(exception.field(), exception.getMessage()))).toResponse().build();
    }
}
