package io.chatapp.tools;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayProgressTest {

    private static final TopicPartition P0 = new TopicPartition("chat-messages-dlq", 0);
    private static final TopicPartition P1 = new TopicPartition("chat-messages-dlq", 1);

    @Test
    void commitsPastWhatWasDealtWithAndOnlyWhatMoved() {
        ReplayProgress progress = new ReplayProgress();
        assertTrue(progress.toCommit().isEmpty());
        progress.done(P0, 4);
        progress.done(P0, 5);
        progress.done(P1, 0);
        Map<TopicPartition, OffsetAndMetadata> first = progress.toCommit();
        assertEquals(Map.of(P0, new OffsetAndMetadata(6), P1, new OffsetAndMetadata(1)), first);
        progress.committed(first);
        assertTrue(progress.toCommit().isEmpty());
        progress.readUpTo(P0, 8); // offsets 6 and 7 were transaction markers, say
        assertEquals(Map.of(P0, new OffsetAndMetadata(8)), progress.toCommit());
    }

    @Test
    void nothingAtOrPastAFailedCopyIsCommitted() {
        ReplayProgress progress = new ReplayProgress();
        progress.done(P0, 4);
        progress.failed(P0, 5);
        progress.done(P0, 6); // acknowledged, but after the failure: replayed again next time
        progress.readUpTo(P0, 10);
        progress.done(P1, 2);
        assertEquals(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(3)), progress.toCommit());
    }

    @Test
    void aFailureOnTheFirstRecordKeepsThePartitionWhereItWas() {
        ReplayProgress progress = new ReplayProgress();
        progress.failed(P0, 7);
        progress.done(P0, 8);
        assertEquals(Map.of(P0, new OffsetAndMetadata(7)), progress.toCommit());
    }
}
