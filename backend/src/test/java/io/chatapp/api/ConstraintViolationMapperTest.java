package io.chatapp.api;

import io.chatapp.model.NewMessage;
import io.chatapp.problem.FieldErrors;
import io.chatapp.problem.Problem;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConstraintViolationMapperTest {

    private static ConstraintViolationException violationsOf(NewMessage message) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return new ConstraintViolationException(factory.getValidator().validate(message));
        }
    }

    @Test
    void eachInvalidFieldIsNamedInOrder() {
        List<Problem.FieldError> errors = FieldErrors.of(violationsOf(new NewMessage("Bad", " ", null)));
        assertEquals(List.of("room", "text"), errors.stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void theProblemIsABadRequestWhoseDetailNamesTheFields() {
        Problem problem = Problem.invalid(FieldErrors.of(violationsOf(new NewMessage("general", "", null))));
        assertEquals(400, problem.status());
        assertEquals("text: must not be blank", problem.detail());
        assertEquals("about:blank", problem.type());
    }

    @Test
    void aViolationWithoutFieldsStillAnswersBadRequest() {
        Response response = new ConstraintViolationMapper().toResponse(new ConstraintViolationException("a message body is required", Set.of()));
        assertEquals(400, response.getStatus());
        assertEquals(Problem.PROBLEM_JSON, response.getMediaType());
        assertEquals("a message body is required", ((Problem) response.getEntity()).detail());
    }
}
