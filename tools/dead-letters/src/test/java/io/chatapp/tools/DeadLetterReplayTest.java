package io.chatapp.tools;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadLetterReplayTest {

    @Test
    void theClientsKeepTheirSafetySettingsWhateverTheCommandConfigSays() throws UsageException {
        ReplayOptions options = ReplayOptions.parse(List.of("--group", "fix-42", "--bootstrap-servers", "kafka:9093"), Map.of());
        Properties secured = new Properties();
        secured.put("security.protocol", "SSL");
        secured.put("enable.auto.commit", "true");
        secured.put("acks", "1");

        Properties consumer = DeadLetterReplay.consumerConfig(secured, options);
        assertEquals("SSL", consumer.get("security.protocol"));
        assertEquals("kafka:9093", consumer.get("bootstrap.servers"));
        assertEquals("fix-42", consumer.get("group.id"));
        assertEquals("false", consumer.get("enable.auto.commit"));
        assertEquals("earliest", consumer.get("auto.offset.reset"));

        Properties producer = DeadLetterReplay.producerConfig(secured, options);
        assertEquals("SSL", producer.get("security.protocol"));
        assertEquals("all", producer.get("acks"));
        assertEquals("true", producer.get("enable.idempotence"));
        assertEquals("15000", producer.get("max.block.ms"));
    }

    @Test
    void badArgumentsExitWithTwoAndHelpWithZero() {
        assertEquals(2, DeadLetterReplay.run(new String[] {"--limit", "many"}));
        assertEquals(2, DeadLetterReplay.run(new String[] {"--command-config", "/no/such/client.properties"}));
        assertEquals(2, DeadLetterReplay.run(new String[] {"--bootstrap-servers", "not a url"}));
        assertEquals(0, DeadLetterReplay.run(new String[] {"--help"}));
    }
}
