package io.chatapp.messaging;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.DateTimeException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@code chat-messages} record into a message, or says why it never can be one. Both
 * consumers read through it, so what one of them shows the other stores, and what one
 * dead-letters the other skips.
 */
@ApplicationScoped
public class MessageRecordReader {

    @Inject
    Validator validator;

    /** Larger than the largest message the server writes (4,000 characters, escaped), far below Kafka's limit. */
    @Inject
    @ConfigProperty(name = "chat.kafka.max-record-bytes", defaultValue = "65536")
    int maxRecordBytes;

    /** @throws PoisonRecordException with the reason: too large, not a message, or an invalid message */
    public ChatMessage read(ConsumerRecord<String, String> record) throws PoisonRecordException {
        if (record.value() == null) {
            throw new PoisonRecordException("no value");
        }
        if (record.serializedValueSize() > maxRecordBytes) {
            throw new PoisonRecordException("too large: " + record.serializedValueSize() + " bytes, at most "
                    + maxRecordBytes + " are read");
        }
        ChatMessage message;
        try {
            message = MessageJson.fromJson(record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(e.getMessage());
        }
        Set<ConstraintViolation<ChatMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("invalid message: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted(Comparator.naturalOrder()).collect(Collectors.joining("; ")));
        }
        try {
            message.timestampInstant();
        } catch (DateTimeException e) {
            throw new PoisonRecordException("invalid message: timestamp is not a date and time that exists");
        }
        return message;
    }
}
