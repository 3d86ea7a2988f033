package io.chatapp.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Answers whether the Kafka cluster the channels use can be reached now. */
@ApplicationScoped
public class KafkaConnectivity {

    private static final int TIMEOUT_MS = 2_000;

    @Inject
    @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
    String bootstrapServers;

    private Admin admin;

    /** @return the number of brokers that answered; throws if none did in time */
    public int brokers() throws Exception {
        return admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "chatapp-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
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
