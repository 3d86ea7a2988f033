package io.chatapp.model;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EverythingReachableTest {

    @Test
    void theValidationConfigurationNamesItAndNestedPartsAreStillChecked() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertInstanceOf(EverythingReachable.class, factory.getTraversableResolver(), "META-INF/validation.xml");

            ChatMessage message = ChatMessage.accept(new NewMessage("general", "hi", "c-1"), new Sender("", "Alice"),
                    Instant.parse("2026-12-04T10:20:30.123Z"));
            assertEquals("sender.id", factory.getValidator().validate(message).iterator().next().getPropertyPath().toString(),
                    "the sender is validated through @Valid");
        }
    }
}
