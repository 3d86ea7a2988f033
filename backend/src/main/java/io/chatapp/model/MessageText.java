package io.chatapp.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A message's text is not blank, except a deleted message's, which is empty. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MessageText.Check.class)
public @interface MessageText {

    String message() default "text must not be blank, and must be empty when the message is deleted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link ChatMessage}, naming its {@code text} in what it finds. */
    class Check implements ConstraintValidator<MessageText, ChatMessage> {
        @Override
        public boolean isValid(ChatMessage message, ConstraintValidatorContext context) {
            if (message == null) {
                return true;
            }
            String text = message.text();
            String wrong = message.wasDeleted()
                    ? (text == null || text.isEmpty() ? null : "must be empty when the message is deleted")
                    : (text == null || text.isBlank() ? "must not be blank" : null);
            if (wrong == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(wrong).addPropertyNode("text").addConstraintViolation();
            return false;
        }
    }
}
