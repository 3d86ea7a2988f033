package io.chatapp.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings every channel's Kafka client gets ({@code mp.messaging.connector.liberty-kafka.*}:
 * the brokers, and TLS and SASL for a cluster that asks for them), for the clients the
 * application makes itself: whatever lets the channels in lets those in too.
 */
@ApplicationScoped
public class KafkaClientSettings {

    static final String CONNECTOR = "mp.messaging.connector.liberty-kafka.";

    /** Looked up one by one: an environment variable is found by its name, not listed by it. */
    static final List<String> CONNECTION = List.of("bootstrap.servers", "security.protocol",
            "sasl.mechanism", "sasl.jaas.config", "sasl.client.callback.handler.class", "sasl.login.callback.handler.class",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type", "ssl.truststore.certificates",
            "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.type", "ssl.key.password",
            "ssl.keystore.certificate.chain", "ssl.keystore.key", "ssl.endpoint.identification.algorithm", "ssl.protocol");

    @Inject
    Config config;

    /** How to reach and be let into the cluster, as Kafka client settings. */
    public Map<String, Object> connection() {
        Map<String, Object> settings = new HashMap<>();
        for (String key : CONNECTION) {
            config.getOptionalValue(CONNECTOR + key, String.class).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }
}
