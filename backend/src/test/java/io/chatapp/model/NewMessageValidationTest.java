package io.chatapp.model;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewMessageValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Set<String> invalidFields(NewMessage message) {
        return validator.validate(message).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aPlainMessageIsValid() {
        assertTrue(invalidFields(new NewMessage("general", "hello", "c-1")).isEmpty());
        assertTrue(invalidFields(new NewMessage("general", "hello", null)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "general", "team_42", "z-9", "0123456789012345678901234567890123456789"})
    void roomNamesThatFollowTheRuleAreValid(String room) {
        assertTrue(invalidFields(new NewMessage(room, "hi", null)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "General", "-general", "_x", "has space", "ünïcode", "a/b",
            "01234567890123456789012345678901234567890"})
    void roomNamesThatBreakTheRuleAreNamed(String room) {
        assertEquals(Set.of("room"), invalidFields(new NewMessage(room, "hi", null)));
    }

    @Test
    void aMissingRoomIsNamed() {
        assertEquals(Set.of("room"), invalidFields(new NewMessage(null, "hi", null)));
    }

    @Test
    void textIsTrimmed() {
        assertEquals("hello world", new NewMessage("general", " \n hello world \t", null).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t "})
    void blankTextIsNamed(String text) {
        assertEquals(Set.of("text"), invalidFields(new NewMessage("general", text, null)));
    }

    @Test
    void missingTextIsNamed() {
        NewMessage message = new NewMessage("general", null, null);
        assertNull(message.text());
        assertEquals(Set.of("text"), invalidFields(message));
    }

    @Test
    void textMayHaveFourThousandCharactersAfterTrimming() {
        String longest = "x".repeat(NewMessage.MAX_TEXT);
        assertTrue(invalidFields(new NewMessage("general", "  " + longest + "  ", null)).isEmpty());
        assertEquals(Set.of("text"), invalidFields(new NewMessage("general", longest + "y", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\t", "é"})
    void clientMessageIdsThatAreNotPrintableAsciiAreNamed(String clientMessageId) {
        assertEquals(Set.of("clientMessageId"), invalidFields(new NewMessage("general", "hi", clientMessageId)));
    }

    @Test
    void clientMessageIdsAreAtMost128Characters() {
        assertTrue(invalidFields(new NewMessage("general", "hi", "a".repeat(128))).isEmpty());
        assertEquals(Set.of("clientMessageId"), invalidFields(new NewMessage("general", "hi", "a".repeat(129))));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        assertEquals(Set.of("room", "text", "clientMessageId"), invalidFields(new NewMessage("NO", " ", "")));
    }
}
