package io.chatapp.messaging;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka connection settings an operator gives as environment variables
 * ({@code MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SECURITY_PROTOCOL} and the others of
 * {@link KafkaClientSettings#CONNECTION}), under their property names. MicroProfile Config finds
 * an environment variable when asked for its property, but the Kafka connector asks only for the
 * properties it sees listed, and an environment variable is listed under its own name: without
 * this source TLS and SASL given that way would never reach the channels. Ranks as environment
 * variables do.
 */
public class KafkaEnvironmentConfigSource implements ConfigSource {

    static final int ORDINAL = 300;

    private final Map<String, String> properties = new HashMap<>();

    public KafkaEnvironmentConfigSource() {
        this(System.getenv());
    }

    KafkaEnvironmentConfigSource(Map<String, String> environment) {
        for (String key : KafkaClientSettings.CONNECTION) {
            String property = KafkaClientSettings.CONNECTOR + key;
            String value = environment.get(environmentName(property));
            if (value != null && !value.isEmpty()) {
                properties.put(property, value);
            }
        }
    }

    /** MicroProfile Config's rule: every character but letters and digits becomes {@code _}, in upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(properties.keySet());
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "Kafka connection settings from the environment";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
