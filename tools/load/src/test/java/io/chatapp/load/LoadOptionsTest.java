package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadOptionsTest {

    @Test
    void defaultsPointAtTheEmbeddedDefault() {
        LoadOptions options = LoadOptions.parse("fanout");
        assertEquals(List.of(URI.create("http://localhost:9080")), options.urls());
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
    void connectionsAreServedOneMessageASecondUnlessARateIsGiven() {
        assertEquals(1, LoadOptions.parse("connections").rate());
        assertEquals(5, LoadOptions.parse("connections", "--rate", "5").rate());
    }

    @Test
    void theSoakHasRoomsOfDistinctUsersAsTheRoomsScenarioHas() {
        assertEquals(100, LoadOptions.parse("soak").rate());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("soak", "--users", "40", "--rooms", "10",
                "--room-members", "5"));
    }

    @Test
    void everyOptionIsRead() {
        LoadOptions options = LoadOptions.parse("report", "--url", "https://chat-a.example.com,https://chat-b.example.com", "--issuer", "https://dex.example.com/dex",
                "--bootstrap-servers", "kafka:9092", "--users", "1000", "--clients", "1000", "--posters", "16", "--rate", "100",
                "--duration", "PT1M", "--room", "bench", "--warmup", "PT30S", "--rates", "100, 200", "--fanout-rates", "5",
                "--rooms", "100", "--room-members", "10", "--rooms-rates", "1000", "--socket-rates", "500,5000", "--typists", "1000",
                "--send-over-socket", "--first-user", "2000", "--pids", "server=4242,kafka=17", "--out", "docs/benchmarks", "--window", "PT10S", "--label", "warm", "--series");
        assertEquals(new LoadOptions("report", List.of(URI.create("https://chat-a.example.com"),
                URI.create("https://chat-b.example.com")), URI.create("https://dex.example.com/dex"),
                "kafka:9092", 1000, 1000, 16, 100, Duration.ofMinutes(1), "bench", Duration.ofSeconds(30), List.of(100, 200), List.of(5),
                100, 10, List.of(1000), List.of(500, 5000), 1000, true, 2000, Map.of("server", 4242L, "kafka", 17L), Path.of("docs/benchmarks"),
                Duration.ofSeconds(10), "warm", true), options);
        assertEquals(OptionalLong.of(4242), options.serverPid());
    }

    @Test
    void theReportSweepsRatesAfterAWarmUp() {
        LoadOptions options = LoadOptions.parse("report");
        assertEquals(List.of(250, 500, 1000, 2000), options.rates());
        assertEquals(List.of(10, 25, 50, 100), options.fanoutRates());
        assertEquals(List.of(250, 500, 1000), options.roomsRates());
        assertEquals(List.of(20, 100, 1000, 2000, 3000, 10000), options.socketRates());
        assertEquals(Duration.ofSeconds(20), options.warmup());
        assertEquals(OptionalLong.empty(), options.serverPid());
        assertEquals(LoadOptions.parse("report", "--rate", "7"), options.withRate(7));
    }

    @Test
    void theRoomsAreOfDistinctUsers() {
        LoadOptions options = LoadOptions.parse("rooms", "--users", "50", "--clients", "50", "--rooms", "5", "--room-members", "10");
        assertEquals(5, options.rooms());
        assertEquals(10, options.roomMembers());
        assertEquals(100, options.rate());
        LoadOptions defaults = LoadOptions.parse("rooms");
        assertEquals(defaults.users(), defaults.rooms() * defaults.roomMembers(), "the defaults fill the rooms with the default users");
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("rooms", "--users", "49", "--rooms", "5", "--room-members", "10"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("report", "--users", "10"));
        assertEquals(10, LoadOptions.parse("ingest", "--users", "10").users(), "only the rooms scenario needs them");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--rooms", "0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--room-members", "0"));
        assertEquals(0, defaults.typists(), "nobody types unless asked");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--clients", "50", "--typists", "51"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--typists", "-1"));
        assertFalse(defaults.sendOverSocket(), "posts are POSTs unless asked");
        assertTrue(LoadOptions.parse("rooms", "--send-over-socket").sendOverSocket());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--send-over-socket", "--clients", "49"),
                "every poster sends from a socket of its own");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--send-over-socket", "--rate", "0"));
        assertEquals(0, defaults.firstUser(), "the users are load-0 onwards unless a second harness asks for others");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("rooms", "--first-user", "-1"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("report", "--rooms-rates", "0"));
    }

    @Test
    void aColdStartIsLabelledColdUnlessNamedAndOtherRunsAreWrittenOnlyWhenLabelled() {
        assertEquals("cold", LoadOptions.parse("coldstart").label());
        assertEquals("warm", LoadOptions.parse("coldstart", "--label", "warm").label());
        assertNull(LoadOptions.parse("rooms").label(), "a rooms run appends its point nowhere unless labelled");
        assertEquals("two instances", LoadOptions.parse("rooms", "--label", "two instances").label());
    }

    @Test
    void ingestOverWebSocketsIsTheRoomsScenarioWithEachUserAloneInARoom() {
        LoadOptions socket = LoadOptions.parse("report", "--users", "100", "--clients", "50").asSocketIngest();
        assertEquals("rooms", socket.scenario());
        assertTrue(socket.sendOverSocket());
        assertEquals(50, socket.rooms(), "a room for each client's user");
        assertEquals(1, socket.roomMembers());
        assertEquals(0, socket.typists());
        assertEquals(40, LoadOptions.parse("report", "--users", "40", "--rooms", "4", "--room-members", "10", "--clients", "50")
                .asSocketIngest().rooms(),
                "no more rooms than users signed in");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("report", "--socket-rates", "0"));
    }

    @Test
    void eachRunOfAColdStartSeriesNamesItsLabelAndMayGiveItsDurationAndResults() {
        LoadOptions series = LoadOptions.parse("coldstart", "--series", "--duration", "PT3M", "--out", "docs/benchmarks");
        LoadOptions labelled = series.withRun("unwarmed");
        assertEquals("unwarmed", labelled.label());
        assertEquals(Duration.ofMinutes(3), labelled.duration());
        assertEquals(Path.of("docs/benchmarks"), labelled.out());
        LoadOptions training = series.withRun("  training PT60S /tmp/cold start/training ");
        assertEquals("training", training.label());
        assertEquals(Duration.ofSeconds(60), training.duration());
        assertEquals(Path.of("/tmp/cold start/training"), training.out(), "the rest of the line, spaces and all");
        assertThrows(IllegalArgumentException.class, () -> series.withRun("   "));
        assertThrows(IllegalArgumentException.class, () -> series.withRun("cold soon"));
        assertThrows(IllegalArgumentException.class, () -> series.withRun("cold PT0S"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, LoadOptions::parse);
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("sprint"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("ingest", "--users"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("ingest", "--speed", "9"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("ingest", "--users", "0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("report", "--rates", "100,0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("report", "--rates", "fast"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("report", "--pids", "4242"));
    }
}
