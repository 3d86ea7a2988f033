package io.chatapp.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Whether this instance's broadcast consumer has been given every partition of
 * {@code chat-messages}. Its group is new at each start and begins at the latest offset, so
 * until then a message posted anywhere would reach this instance's sockets only through
 * history, never live. Once it has, that stays so: a later rebalance keeps the group's offsets.
 */
@ApplicationScoped
public class BroadcastAssignment {

    @Inject
    KafkaConnectivity kafka;

    @Inject
    @ConfigProperty(name = "chat.kafka.topic")
    String topic;

    @Inject
    @ConfigProperty(name = "mp.messaging.incoming.broadcast.group.id")
    String group;

    private volatile boolean assigned;

    /** @return whether the broadcast consumer reads every partition; asks Kafka until it does */
    public boolean isComplete() throws Exception {
        if (!assigned) {
            assigned = covers(kafka.assignedPartitions(group), topic, kafka.partitionCount(topic));
        }
        return assigned;
    }

    public String group() {
        return group;
    }

    static boolean covers(Set<TopicPartition> assignedPartitions, String topic, int partitions) {
        return partitions > 0 && assignedPartitions.stream().filter(partition -> partition.topic().equals(topic)).count() == partitions;
    }
}
