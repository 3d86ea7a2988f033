package io.chatapp.tools;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * One record of the dead-letter topic: whether a replay selects it, the copy that goes back to
 * the chat topic, and its line in the report. Key and value stay bytes, so the copy is exactly
 * what was dead-lettered whatever its encoding.
 */
final class DeadLetter {

    /** Written by the backend's DeadLetterPublisher. */
    static final String REASON_HEADER = "dead-letter-reason";
    static final String SOURCE_HEADER = "dead-letter-source";
    static final String DEAD_LETTER_PREFIX = "dead-letter-";
    /** Written on the copy: where it was replayed from, and why it had been dead-lettered. */
    static final String REPLAYED_FROM_HEADER = "replayed-from";
    static final String REPLAYED_REASON_HEADER = "replayed-reason";

    private final ConsumerRecord<byte[], byte[]> record;

    DeadLetter(ConsumerRecord<byte[], byte[]> record) {
        this.record = record;
    }

    ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    /** The dead-letter-reason header as text, or null when the record has none. */
    String reason() {
        return text(record.headers(), REASON_HEADER);
    }

    /** Where the chat read it before dead-lettering it ({@code topic-partition@offset}), or null. */
    String source() {
        return text(record.headers(), SOURCE_HEADER);
    }

    /** This record's own place, {@code <dlq topic>-<partition>@<offset>}, the same form as dead-letter-source. */
    String id() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** No filter selects everything; a filter selects the reasons that contain it (a record without one never). */
    boolean selectedBy(String reasonFilter) {
        if (reasonFilter == null) {
            return true;
        }
        String reason = reason();
        return reason != null && reason.contains(reasonFilter);
    }

    /**
     * The record to re-publish: same key and value, the headers of the dead letter other than the
     * dead-letter-* ones (the copy is no dead letter; a new failure will add fresh ones), plus
     * replayed-from and, when the dead letter had a reason, replayed-reason. No partition is set,
     * so the key picks it as for any chat message (same room, same partition).
     */
    ProducerRecord<byte[], byte[]> copyTo(String topic) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            String key = header.key();
            // An earlier replay's headers are replaced, not piled up.
            if (!key.startsWith(DEAD_LETTER_PREFIX) && !key.equals(REPLAYED_FROM_HEADER)
                    && !key.equals(REPLAYED_REASON_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM_HEADER, id().getBytes(StandardCharsets.UTF_8));
        Header reason = record.headers().lastHeader(REASON_HEADER);
        if (reason != null && reason.value() != null) {
            headers.add(REPLAYED_REASON_HEADER, reason.value());
        }
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    /**
     * One line of the report, e.g.
     * {@code 0@12 replayed     key=general value=87 bytes source=chat-messages-2@40 reason="Unreadable …"}.
     * The reason goes last: it is free text, possibly long.
     */
    String describe(String action) {
        return String.format("%d@%d %-12s key=%s value=%s source=%s reason=%s",
                record.partition(), record.offset(), action,
                record.key() == null ? "(none)" : oneLine(new String(record.key(), StandardCharsets.UTF_8)),
                record.value() == null ? "(none)" : record.value().length + " bytes",
                source() == null ? "(none)" : oneLine(source()),
                reason() == null ? "(none)" : "\"" + oneLine(reason()) + "\"");
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Keeps one dead letter on one line: reasons are exception messages and may span several. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return out.toString();
    }
}
