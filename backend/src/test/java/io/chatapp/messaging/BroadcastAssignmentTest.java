package io.chatapp.messaging;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BroadcastAssignmentTest {

    private static TopicPartition messages(int partition) {
        return new TopicPartition("chat-messages", partition);
    }

    @Test
    void completeOnlyWhenEveryPartitionOfTheTopicIsHeld() {
        assertTrue(BroadcastAssignment.covers(Set.of(messages(0), messages(1), messages(2)), "chat-messages", 3));
        assertFalse(BroadcastAssignment.covers(Set.of(messages(0), messages(1)), "chat-messages", 3), "one partition still unread");
        assertFalse(BroadcastAssignment.covers(Set.of(), "chat-messages", 3), "a group still joining holds nothing");
    }

    @Test
    void partitionsOfAnotherTopicDoNotCount() {
        assertFalse(BroadcastAssignment.covers(Set.of(messages(0), new TopicPartition("chat-signals", 1)), "chat-messages", 2));
        assertFalse(BroadcastAssignment.covers(Set.of(), "chat-messages", 0), "a topic Kafka does not know is no assignment");
    }
}
