package io.chatapp.messaging;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsumerLagTest {

    private static TopicPartition partition(int number) {
        return new TopicPartition("chat-messages", number);
    }

    @Test
    void theLagIsWhatEachPartitionHasPastTheGroupsCommittedOffset() {
        Map<TopicPartition, Long> end = Map.of(partition(0), 120L, partition(1), 80L, partition(2), 5L);
        assertEquals(20 + 0, ConsumerLag.behind(Map.of(partition(0), 100L, partition(1), 80L), end));
        // A partition the group never committed in (it starts at the end) and one past a stale end count nothing.
        assertEquals(0, ConsumerLag.behind(Map.of(partition(2), 7L), end));
        assertEquals(0, ConsumerLag.behind(Map.of(), end));
    }
}
