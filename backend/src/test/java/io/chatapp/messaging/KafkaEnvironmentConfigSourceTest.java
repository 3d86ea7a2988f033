package io.chatapp.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KafkaEnvironmentConfigSourceTest {

    @Test
    void kafkaConnectionSettingsInTheEnvironmentAreListedUnderTheirPropertyNames() {
        KafkaEnvironmentConfigSource source = new KafkaEnvironmentConfigSource(Map.of(
                "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required username=\"chat\" password=\"p\";",
                "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SSL_TRUSTSTORE_LOCATION", "/kafka-ca/ca.crt",
                "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_MECHANISM", "",
                "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_MAX_POLL_RECORDS", "5",
                "CHAT_MONGODB_URI", "mongodb://elsewhere"));
        assertEquals(Map.of("mp.messaging.connector.liberty-kafka.security.protocol", "SASL_SSL",
                "mp.messaging.connector.liberty-kafka.sasl.jaas.config", "PlainLoginModule required username=\"chat\" password=\"p\";",
                "mp.messaging.connector.liberty-kafka.ssl.truststore.location", "/kafka-ca/ca.crt"), source.getProperties());
        assertEquals(source.getProperties().keySet(), source.getPropertyNames());
        assertEquals("SASL_SSL", source.getValue("mp.messaging.connector.liberty-kafka.security.protocol"));
        assertNull(source.getValue("mp.messaging.connector.liberty-kafka.sasl.mechanism"), "an empty value is no setting");
    }
}
