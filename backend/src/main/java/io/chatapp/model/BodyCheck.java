package io.chatapp.model;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/** Checks what a client sent against its constraints, the one way every command does. */
public final class BodyCheck {

    private BodyCheck() {
    }

    /**
     * @param what the body's name in the error when there is none ("message", "room")
     * @throws ConstraintViolationException naming each field that breaks a rule, or when there is no body
     */
    public static <T> T requireValid(Validator validator, T body, String what) {
        if (body == null) {
            throw new ConstraintViolationException("a " + what + " body is required", Set.of());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
