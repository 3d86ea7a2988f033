package io.chatapp.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;

/** Jakarta Validation's violations as the field errors a client is told, in a stable order. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static List<Problem.FieldError> of(ConstraintViolationException exception) {
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
