package io.chatapp.tools;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterTest {

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** A record as the backend's DeadLetterPublisher writes it (reason and source null: header absent). */
    static ConsumerRecord<byte[], byte[]> deadLetter(int partition, long offset, String key, String value,
                                                     String reason, String source) {
        RecordHeaders headers = new RecordHeaders();
        if (reason != null) {
            headers.add(DeadLetter.REASON_HEADER, utf8(reason));
        }
        if (source != null) {
            headers.add(DeadLetter.SOURCE_HEADER, utf8(source));
        }
        return new ConsumerRecord<>("chat-messages-dlq", partition, offset, 0L, TimestampType.CREATE_TIME,
                -1, -1, utf8(key), utf8(value), headers, Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void noFilterSelectsEveryDeadLetterAFilterThoseWhoseReasonContainsIt() {
        DeadLetter unreadable = new DeadLetter(deadLetter(0, 1, "general", "{", "Unreadable message JSON: EOF", "chat-messages-1@7"));
        DeadLetter noReason = new DeadLetter(deadLetter(0, 2, "general", "{}", null, null));
        assertTrue(unreadable.selectedBy(null));
        assertTrue(noReason.selectedBy(null));
        assertTrue(unreadable.selectedBy("Unreadable"));
        assertTrue(unreadable.selectedBy("JSON: EOF"));
        assertFalse(unreadable.selectedBy("unreadable"), "case-sensitive, as documented");
        assertFalse(unreadable.selectedBy("missing id"));
        assertFalse(noReason.selectedBy("Unreadable"));
    }

    @Test
    void theCopyKeepsKeyAndValueBytesAndSwapsTheDeadLetterHeadersForReplayHeaders() {
        ConsumerRecord<byte[], byte[]> record = deadLetter(2, 41, "général", "{\"text\":\"héllo\"}",
                "Unreadable message JSON: ünexpected", "chat-messages-1@7");
        record.headers().add("traceparent", utf8("00-abc-def-01"));
        ProducerRecord<byte[], byte[]> copy = new DeadLetter(record).copyTo("chat-messages");

        assertEquals("chat-messages", copy.topic());
        assertNull(copy.partition(), "the key picks the partition, as for any chat message");
        assertArrayEquals(record.key(), copy.key());
        assertArrayEquals(record.value(), copy.value());
        assertEquals("chat-messages-dlq-2@41", header(copy, DeadLetter.REPLAYED_FROM_HEADER));
        assertEquals("Unreadable message JSON: ünexpected", header(copy, DeadLetter.REPLAYED_REASON_HEADER));
        assertEquals("00-abc-def-01", header(copy, "traceparent"));
        List<String> names = new ArrayList<>();
        copy.headers().forEach(h -> names.add(h.key()));
        assertEquals(List.of("traceparent", "replayed-from", "replayed-reason"), names);
    }

    @Test
    void aDeadLetterWithoutReasonOrKeyIsCopiedWithoutReplayedReason() {
        ProducerRecord<byte[], byte[]> copy = new DeadLetter(deadLetter(0, 3, null, "x", null, null)).copyTo("chat-messages");
        assertNull(copy.key());
        assertEquals("chat-messages-dlq-0@3", header(copy, DeadLetter.REPLAYED_FROM_HEADER));
        assertNull(copy.headers().lastHeader(DeadLetter.REPLAYED_REASON_HEADER));
    }

    @Test
    void aDeadLetterReplayedBeforeCarriesOnlyTheNewReplayHeaders() {
        ConsumerRecord<byte[], byte[]> record = deadLetter(0, 9, "general", "{}", "again", "chat-messages-0@3");
        record.headers().add(DeadLetter.REPLAYED_FROM_HEADER, utf8("chat-messages-dlq-0@1"));
        record.headers().add(DeadLetter.REPLAYED_REASON_HEADER, utf8("first time"));
        ProducerRecord<byte[], byte[]> copy = new DeadLetter(record).copyTo("chat-messages");
        assertEquals(2, copy.headers().toArray().length, "replayed-from and replayed-reason, once each");
        assertEquals("chat-messages-dlq-0@9", header(copy, DeadLetter.REPLAYED_FROM_HEADER));
        assertEquals("again", header(copy, DeadLetter.REPLAYED_REASON_HEADER));
    }

    @Test
    void describesADeadLetterOnOneLine() {
        DeadLetter deadLetter = new DeadLetter(deadLetter(0, 12, "general", "{\"a\":1}",
                "Unreadable message JSON:\nline 2", "chat-messages-2@40"));
        assertEquals("0@12 replayed     key=general value=7 bytes source=chat-messages-2@40 "
                + "reason=\"Unreadable message JSON:\\nline 2\"", deadLetter.describe("replayed"));
        assertEquals("0@3 skipped      key=(none) value=(none) source=(none) reason=(none)",
                new DeadLetter(deadLetter(0, 3, null, null, null, null)).describe("skipped"));
    }
}
