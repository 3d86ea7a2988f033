package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadOptionsTest {

    @Test
    void defaultsPointAtTheEmbeddedDefault() {
        LoadOptions options = LoadOptions.parse("fanout");
        assertEquals(URI.create("http://localhost:9080"), options.url());
        assertEquals(URI.create("http://localhost:5556/dex"), options.issuer());
        assertEquals("127.0.0.1:9092", options.bootstrapServers());
        assertEquals(100, options.rate());
        assertEquals(Duration.ofSeconds(20), options.duration());
    }

    @Test
    void ingestRunsAsFastAsAcceptedUnlessARateIsGiven() {
        assertEquals(0, LoadOptions.parse("ingest").rate());
        assertEquals(500, LoadOptions.parse("ingest", "--rate", "500").rate());
    }

    @Test
    void everyOptionIsRead() {
        LoadOptions options = LoadOptions.parse("all", "--url", "https://chat.example.com", "--issuer", "https://dex.example.com/dex",
                "--bootstrap-servers", "kafka:9092", "--users", "1000", "--clients", "1000", "--posters", "16", "--rate", "100",
                "--duration", "PT1M", "--room", "bench", "--server-pid", "4242");
        assertEquals(new LoadOptions("all", URI.create("https://chat.example.com"), URI.create("https://dex.example.com/dex"),
                "kafka:9092", 1000, 1000, 16, 100, Duration.ofMinutes(1), "bench", 4242), options);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, LoadOptions::parse);
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("soak"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("ingest", "--users"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("ingest", "--speed", "9"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("ingest", "--users", "0"));
    }
}
