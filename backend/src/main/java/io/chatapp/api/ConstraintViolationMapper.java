package io.chatapp.api;

import io.chatapp.problem.FieldErrors;
import io.chatapp.problem.Problem;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** Invalid input: 400 with each offending field named. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = FieldErrors.of(exception);
        if (errors.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse().build();
        }
        return Problem.invalid(errors).toResponse().build();
    }
}
