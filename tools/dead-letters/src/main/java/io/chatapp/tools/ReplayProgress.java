package io.chatapp.tools;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/**
 * How far each partition of the dead-letter topic may be committed: past every dead letter that
 * was dealt with (replayed and acknowledged, or skipped), but never at or past one whose copy
 * failed, so a later run starts again there and nothing is lost.
 */
final class ReplayProgress {

    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> failedAt = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /** The record at this offset needs no more work (its copy is acknowledged, or it was skipped). */
    void done(TopicPartition partition, long offset) {
        next.merge(partition, offset + 1, Math::max);
    }

    /** Everything before this offset was read (the offsets in between, if any, hold no records). */
    void readUpTo(TopicPartition partition, long endOffset) {
        next.merge(partition, endOffset, Math::max);
    }

    /** The copy of the record at this offset was not acknowledged: nothing from here on may be committed. */
    void failed(TopicPartition partition, long offset) {
        failedAt.merge(partition, offset, Math::min);
        next.merge(partition, offset, Math::min);
    }

    /** The offset after the last record dealt with in this partition (-1 when none), failures aside. */
    long next(TopicPartition partition) {
        return next.getOrDefault(partition, -1L);
    }

    /** The offsets to commit now: those that moved since the last {@link #committed} call. */
    Map<TopicPartition, OffsetAndMetadata> toCommit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> {
            long safe = Math.min(offset, failedAt.getOrDefault(partition, Long.MAX_VALUE));
            if (!Long.valueOf(safe).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(safe));
            }
        });
        return offsets;
    }

    /** Kafka has these offsets now. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }
}
