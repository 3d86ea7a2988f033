package io.chatapp.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/** Invalid input: 400 with each offending field named. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = fieldErrors(exception);
        if (errors.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse().build();
        }
        return Problem.invalid(errors).toResponse().build();
    }

    /** The violations as field errors, in a stable order; shared with the WebSocket error frames. */
    public static List<Problem.FieldError> fieldErrors(ConstraintViolationException exception) {
        if (exception.getConstraintViolations() == null) {
            return List.of();
        }
        return exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "body" : name;
    }
}
