package io.chatapp.messaging;

import io.chatapp.model.ChatEvent;
import io.chatapp.model.EventType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An event's attributes as Kafka record headers, in the CloudEvents Kafka binding's binary mode
 * ({@code ce_*} headers; the record's value is the event's data, its key the room). Records
 * written before events had types carry no such headers: they are messages posted.
 */
final class EventHeaders {

    static final String SPEC_VERSION = "ce_specversion";
    static final String ID = "ce_id";
    static final String SOURCE = "ce_source";
    static final String TYPE = "ce_type";
    static final String SUBJECT = "ce_subject";
    /** A CloudEvents extension attribute: the version of the data's shape. */
    static final String SCHEMA_VERSION = "ce_schemaversion";
    static final String CONTENT_TYPE = "content-type";

    private EventHeaders() {
    }

    static void write(Headers headers, ChatEvent event) {
        EventType type = event.type();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.id());
        add(headers, SOURCE, "/chatapp");
        add(headers, TYPE, type.name());
        add(headers, SUBJECT, event.room());
        add(headers, SCHEMA_VERSION, Integer.toString(type.schemaVersion()));
        add(headers, CONTENT_TYPE, "application/json");
    }

    static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
