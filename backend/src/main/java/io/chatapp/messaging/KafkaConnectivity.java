package io.chatapp.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Asks the Kafka cluster the channels use (as the channels reach it) whether it answers, and how far consumer groups are. */
@ApplicationScoped
public class KafkaConnectivity {

    private static final int TIMEOUT_MS = 2_000;

    @Inject
    KafkaClientSettings settings;

    private Admin admin;

    /** @return the number of brokers that answered; throws if none did in time */
    public int brokers() throws Exception {
        return admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
    }

    /** @return the offsets the group has committed, by partition of the topics it reads */
    Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        return admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
                .entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** @return the partitions the group's members hold now (none while it is rebalancing or empty) */
    Set<TopicPartition> assignedPartitions(String group) throws Exception {
        return admin().describeConsumerGroups(List.of(group)).describedGroups().get(group).get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
                .members().stream().flatMap(member -> member.assignment().topicPartitions().stream()).collect(Collectors.toSet());
    }

    /** @return how many partitions the topic has */
    int partitionCount(String topic) throws Exception {
        return admin().describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
                .get(topic).partitions().size();
    }

    /** @return the offset after the last record of each partition of the topic */
    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        Admin admin = admin();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(settings.connection());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "chatapp-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
