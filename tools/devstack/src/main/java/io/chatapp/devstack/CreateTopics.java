package io.chatapp.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the application's topics before the server starts, so that consumers starting
 * at the latest offset miss nothing. Usage: {@code CreateTopics <bootstrap> <topic>:<partitions>[:<retention ms>]...}.
 * Waits for the broker to answer, which also makes it the readiness check of the start script.
 */
public final class CreateTopics {

    private CreateTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topic>:<partitions>[:<retention ms>]...");
            System.exit(2);
        }
        List<NewTopic> topics = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] spec = args[i].split(":");
            NewTopic topic = new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1);
            if (spec.length > 2) {
                topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, spec[2]));
            }
            topics.add(topic);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(config)) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    System.out.println("created topic " + topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    System.out.println("topic " + topic.name() + " exists");
                }
            }
        }
    }
}
