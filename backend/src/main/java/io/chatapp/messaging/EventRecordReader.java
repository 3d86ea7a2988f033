package io.chatapp.messaging;

import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.EventType;
import io.chatapp.model.MessageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reads a {@code chat-messages} record into its event, or says why it never can be one. Both
 * consumers read through it, so what one of them shows the other stores, and what one
 * dead-letters the other skips. A record without event headers, as written before events had
 * types, is read as a message posted.
 */
@ApplicationScoped
public class EventRecordReader {

    private static final Logger LOG = Logger.getLogger(EventRecordReader.class.getName());
    private static final Duration VALIDATION_POLL = Duration.ofMillis(100);

    @Inject
    Validator validator;

    /** How long a record read at start-up waits for validation to be enabled. */
    @Inject
    @ConfigProperty(name = "chat.kafka.validation-start-timeout", defaultValue = "PT60S")
    Duration validationStartTimeout;

    /** Larger than the largest message the server writes (4,000 characters, escaped), far below Kafka's limit. */
    @Inject
    @ConfigProperty(name = "chat.kafka.max-record-bytes", defaultValue = "65536")
    int maxRecordBytes;

    /** @throws PoisonRecordException with the reason: too large, of a type or version this server cannot read, or invalid data */
    public ChatEvent read(ConsumerRecord<String, String> record) throws PoisonRecordException {
        if (record.value() == null) {
            throw new PoisonRecordException("no value");
        }
        if (record.serializedValueSize() > maxRecordBytes) {
            throw new PoisonRecordException("too large: " + record.serializedValueSize() + " bytes, at most "
                    + maxRecordBytes + " are read");
        }
        Optional<String> typeName = EventHeaders.read(record.headers(), EventHeaders.TYPE);
        EventTypes.Kind kind = typeName.isEmpty() ? EventTypes.LEGACY : EventTypes.named(typeName.get());
        if (kind == null) {
            throw new PoisonRecordException("unknown event type " + typeName.get());
        }
        checkSchemaVersion(record, kind.type());

        String dataName = kind.dataName();
        Object data = readData(record.value(), kind.dataType(), dataName);
        Set<ConstraintViolation<Object>> violations = validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("invalid " + dataName + ": " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted(Comparator.naturalOrder()).collect(Collectors.joining("; ")));
        }
        if (data instanceof ChatMessage message) {
            try {
                message.timestampInstant();
            } catch (DateTimeException e) {
                throw new PoisonRecordException("invalid message: timestamp is not a date and time that exists");
            }
        }
        String id = EventHeaders.read(record.headers(), EventHeaders.ID).orElse(null);
        ChatEvent event;
        try {
            event = kind.create(id, data);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("not a " + kind.type().name() + " event: " + e.getMessage());
        }
        if (id != null && !id.equals(event.id())) {
            throw new PoisonRecordException("event id " + id + " is not the id of its data, " + event.id());
        }
        return event;
    }

    /**
     * Validates, waiting while validation is not there yet: the Kafka connector hands the
     * consumers records as soon as their channels start, which can be before the application's
     * module has started and Bean Validation is enabled for it. Thrown out of a consumer, that
     * failure would end its channel for good.
     */
    private Set<ConstraintViolation<Object>> validate(Object data) {
        Instant deadline = Instant.now().plus(validationStartTimeout);
        while (true) {
            try {
                return validator.validate(data);
            } catch (ValidationException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                LOG.log(Level.FINE, "Validation is not there yet; waiting", e);
                try {
                    Thread.sleep(VALIDATION_POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void checkSchemaVersion(ConsumerRecord<String, String> record, EventType type) throws PoisonRecordException {
        Optional<String> version = EventHeaders.read(record.headers(), EventHeaders.SCHEMA_VERSION);
        if (version.isEmpty()) {
            return;
        }
        int written;
        try {
            written = Integer.parseInt(version.get());
        } catch (NumberFormatException e) {
            throw new PoisonRecordException("schema version " + version.get() + " is not a number");
        }
        if (written > type.schemaVersion()) {
            throw new PoisonRecordException(type.name() + " schema version " + written + " is newer than this server reads ("
                    + type.schemaVersion() + ")");
        }
    }

    private static Object readData(String json, Class<?> dataType, String dataName) throws PoisonRecordException {
        Object data;
        try {
            data = MessageJson.fromJson(json, dataType);
        } catch (JsonbException | IllegalArgumentException e) {
            throw new PoisonRecordException("not a " + dataName + ": " + e.getMessage());
        }
        if (data == null) {
            throw new PoisonRecordException("not a " + dataName + ": null");
        }
        return data;
    }
}
