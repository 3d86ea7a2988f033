package io.chatapp.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.chatapp.load.Latencies.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    @TempDir
    Path out;


    private static Map<String, Double> cpu(String process, double millis, String another, double moreMillis) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put(process, millis);
        cpu.put(another, moreMillis);
        return cpu;
    }

    private static BenchmarkReport.Outcome outcome() {
        return new BenchmarkReport.Outcome(List.of(
                new Measurement("floor", 100, 0, 100, 0, millis(0.1, 0.2), 0, 0, 0, Map.of()),
                new Measurement("floor-ack", 100, 0, 100, 0, millis(0.05, 0.1), 0, 0, 0, Map.of()),
                new Measurement("floor", 1000, 0, 1000, 0, millis(0.2, 0.4), 0, 0, 0, Map.of()),
                new Measurement("floor-ack", 1000, 0, 1000, 0, millis(0.1, 0.2), 0, 0, 0, Map.of()),
                new Measurement("ingest", 1000, 0, 990, 0, millis(1, 2), 0, 0, 800, cpu("server", 1.25, "harness", 0.5)),
                new Measurement("ingest", 0, 0, 1200, 0, millis(1.5, 2), 0, 0, 900, cpu("server", 1.0, "harness", 0.5)),
                new Measurement("fanout", 100, 50, 100, 5000, millis(0.4, 0.8), 0, 0, 0, Map.of("server", 3.0)),
                new Measurement("rooms", 1000, 1000, 1000, 10000, millis(0.8, 1.6), 2, 1, 0, cpu("server", 0.5, "harness", 0.25))),
                new ConnectionsScenario.Result(10, 5, 10, 10, Optional.of(new ServerMemory.Sample(50, OptionalLong.empty())),
                        Optional.of(new ServerMemory.Sample(51, OptionalLong.empty())), List.of(), delivery()));
    }

    /** One message a second to 10 clients for 5 s, each delivered. */
    private static RoomTraffic.Result delivery() {
        Latency latency = millis(2, 4);
        return new RoomTraffic.Result(new RoomLayout(1, 5, 10), 5, 50, 0, 0, 0, 5, latency, latency, Map.of(), 1.5, null, List.of(),
                Map.of(), null);
    }

    @Test
    void everyPointIsACsvRowWithTheCpuOfEveryProcess() {
        List<String> lines = new ReportWriter(outcome(), "test run").csv().lines().toList();
        assertEquals("scenario,asked_per_s,clients,messages_per_s,deliveries_per_s,p50_ms,p99_ms,p99_9_ms,max_ms,lost,misdelivered,"
                + "stored_per_s,cpu_ms_per_message_server,cpu_ms_per_message_harness", lines.get(0));
        assertEquals(9, lines.size());
        assertEquals("ingest,0,0,1200.0,0.0,1.500,2.000,2.000,2.000,0,0,900.0,1.000,0.500", lines.get(6));
        assertEquals("fanout,100,50,100.0,5000.0,0.400,0.800,0.800,0.800,0,0,0.0,3.000,", lines.get(7));
        assertEquals("rooms,1000,1000,1000.0,10000.0,0.800,1.600,1.600,1.600,2,1,0.0,0.500,0.250", lines.get(8));
    }

    @Test
    void theTablesPutEachScenarioBesideTheFloorAtTheSameRate() {
        String tables = new ReportWriter(outcome(), "test run").tables();
        assertTrue(tables.contains("test run"), tables);
        assertTrue(tables.contains("| 1000 | 990 | 1.00 | 2.00 | 2.00 | 2.00 | 0.10 | 800 | 1.25 | 0.50\n"), tables);
        assertTrue(tables.contains("| as fast as accepted | 1,200 | 1.50 | 2.00 | 2.00 | 2.00 |  | 900 | 1.00 | 0.50\n"), tables);
        assertTrue(tables.contains(".Fan-out: post to receipt at each of 50 WebSocket clients"), tables);
        assertTrue(tables.contains("| 100 | 100 | 5,000 | 0.40 | 0.80 | 0.80 | 0.80 | 0 | 0.10 | 4.0 | 3.00 |\n"), tables);
        assertTrue(tables.contains(".Many rooms: post to receipt at each client of the room's members, 1000 WebSocket clients\n"
                + "[cols=\"13*>\",options=header]"), tables);
        assertTrue(tables.contains("| Lost | Misdelivered | Floor p50 (ms) |"), tables);
        assertTrue(tables.contains("| 1000 | 1,000 | 10,000 | 0.80 | 1.60 | 1.60 | 1.60 | 2 | 1 | 0.20 | 4.0 | 0.50 | 0.25\n"), tables);
        assertTrue(tables.contains("| 10 of 10 open (5 users); the server counts 10 sessions; heap used 50 MB -> 51 MB (100.0 MB per 1000); "
                + "presence told in 1.5 s; 5 messages (1.0/s) to every client: 50 deliveries, lost 0, end to end p50 2.00 ms"), tables);
    }

    @Test
    void roomsWithEveryoneTypingHaveATableOfTheirOwn() {
        assertFalse(new ReportWriter(outcome(), "test run").tables().contains("typists"), "no typing, no table");
        List<Measurement> points = new java.util.ArrayList<>(outcome().measurements());
        points.add(new Measurement("rooms-typing", 1000, 1000, 1000, 10000, millis(0.9, 1.7), 0, 0, 0, Map.of()));
        String tables = new ReportWriter(new BenchmarkReport.Outcome(points, null), "test run").tables();
        assertTrue(tables.contains(".The same rooms while the typists type"), tables);
        assertTrue(tables.contains("| 1000 | 1,000 | 10,000 | 0.90 | 1.70 | 1.70 | 1.70 | 0 | 0 | 0.20 | 4.5 |"), tables);
    }

    @Test
    void ingestOverWebSocketsHasATableAndAPlotOfItsOwn() throws Exception {
        assertFalse(new ReportWriter(outcome(), "test run").tables().contains("over WebSockets"), "none measured, no table");
        List<Measurement> points = new java.util.ArrayList<>(outcome().measurements());
        points.add(new Measurement("socket", 1000, 1000, 1000, 1000, millis(0.5, 3), 1, 0, 0, cpu("server", 0.4, "harness", 0.2)));
        points.add(new Measurement("socket-receipt", 1000, 1000, 1000, 1000, millis(1, 5), 1, 0, 0, Map.of()));
        ReportWriter writer = new ReportWriter(new BenchmarkReport.Outcome(points, null), "test run");
        String tables = writer.tables();
        assertTrue(tables.contains(".Ingest over WebSockets: a send frame on the poster's socket, answered by ack once Kafka has the message; "
                + "1000 clients"), tables);
        assertTrue(tables.contains("| Kafka ack p50 (ms) | Receipt p50 (ms) | Receipt p99 | Lost | Floor p50 (ms) | Receipt p50 ÷ floor p50 |"),
                tables);
        assertTrue(tables.contains("| 1000 | 1,000 | 0.50 | 3.00 | 3.00 | 3.00 | 0.10 | 1.00 | 5.00 | 1 | 0.20 | 5.0 | 0.40 | 0.20\n"), tables);
        writer.write(out);
        assertEquals(900, ImageIO.read(out.resolve(ReportWriter.SOCKET_PLOT).toFile()).getWidth());
    }

    @Test
    void aMisdeliveryFailsTheRunAsALossDoes() {
        Measurement misdelivered = new Measurement("rooms", 100, 10, 100, 1000, millis(1), 0, 1, 0, Map.of());
        assertFalse(new BenchmarkReport.Outcome(List.of(misdelivered), null).nothingLost());
        Measurement clean = new Measurement("rooms", 100, 10, 100, 1000, millis(1), 0, 0, 0, Map.of());
        assertTrue(new BenchmarkReport.Outcome(List.of(clean), null).nothingLost());
    }

    @Test
    void thePlotsArePngImages() throws Exception {
        new ReportWriter(outcome(), "test run").write(out);
        for (String plot : List.of(ReportWriter.INGEST_PLOT, ReportWriter.FANOUT_PLOT, ReportWriter.ROOMS_PLOT, ReportWriter.CPU_PLOT)) {
            BufferedImage image = ImageIO.read(out.resolve(plot).toFile());
            assertEquals(900, image.getWidth(), plot);
            assertEquals(540, image.getHeight(), plot);
        }
        assertTrue(Files.readString(out.resolve(ReportWriter.TABLES)).startsWith("// Written by the load harness"));
        assertEquals(9, Files.readAllLines(out.resolve(ReportWriter.CSV)).size());
    }
}
