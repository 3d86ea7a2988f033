package io.chatapp.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.chatapp.load.Latencies.millis;
import static io.chatapp.load.Latencies.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowWriterTest {

    @TempDir
    Path out;


    private static ColdStartScenario.Result run(String label, List<WindowWriter.Window> windows) {
        Latency all = new Latency();
        RoomTraffic.Result traffic = new RoomTraffic.Result(new RoomLayout(1, 2, 2), 10, 20, 0, 0, 0, 10, all, all, Map.of(), 0.5, null,
                windows, Map.of(), null);
        return new ColdStartScenario.Result(label, 3.0, 1.5, traffic);
    }

    private static List<WindowWriter.Window> fiveSeconds(Latency... latencies) {
        return windows(Duration.ofSeconds(5), latencies);
    }

    @Test
    void eachRunIsAppendedAndTheTableAndPlotShowThemAll() throws Exception {
        WindowWriter writer = WindowWriter.COLD_START;
        for (ColdStartScenario.Result run : List.of(run("cold", fiveSeconds(millis(1.5, 2.0), millis(0.5, 1.0), millis(0.2, 0.3))),
                run("warm", fiveSeconds(millis(0.1, 0.6), millis(0.1, 0.4), millis(0.1, 0.3))))) {
            writer.append(out, run.label(), run.windows());
        }

        Map<String, List<WindowWriter.Row>> runs = WindowWriter.read(out.resolve("cold-start.csv"));
        assertEquals(List.of("cold", "warm"), List.copyOf(runs.keySet()));
        WindowWriter.Row first = runs.get("cold").get(0);
        assertEquals(0, first.fromSeconds());
        assertEquals(1.5, first.p50());
        assertEquals(2.0, first.p99());
        assertEquals(5, runs.get("warm").get(1).fromSeconds());

        String table = Files.readString(out.resolve("cold-start.adoc"));
        assertTrue(table.contains("| from (s) | cold p50 (ms) | cold p99 (ms) | warm p50 (ms) | warm p99 (ms)"), table);
        assertTrue(table.contains("| 0 | 1.5 | 2.0 | 0.1 | 0.6"), table);
        assertNotNull(ImageIO.read(out.resolve("cold-start.png").toFile()));
    }

    @Test
    void aSoakIsGatheredInFilesOfItsOwn() throws Exception {
        WindowWriter.SOAK.append(out, "250/s", windows(Duration.ofMinutes(1), millis(5), millis(2)));
        assertEquals(List.of("250/s"), List.copyOf(WindowWriter.read(out.resolve("soak.csv")).keySet()));
        assertEquals(60, WindowWriter.read(out.resolve("soak.csv")).get("250/s").get(1).fromSeconds());
        assertTrue(Files.readString(out.resolve("soak.adoc")).contains("| 250/s p50 (ms) | 250/s p99 (ms)"));
        assertNotNull(ImageIO.read(out.resolve("soak.png").toFile()));
        assertTrue(Files.notExists(out.resolve("cold-start.csv")));
    }

    @Test
    void theReportNamesEachWindowAndTheServersCloses() {
        ColdStartScenario.Result result = run("cold", fiveSeconds(millis(1.0), millis(0.25)));
        String report = result.report();
        assertTrue(report.contains("[coldstart cold] from     0 s: p50 1.00 ms"), report);
        assertTrue(report.contains("[coldstart cold] from     5 s: p50 0.25 ms"), report);
        assertTrue(report.contains("closed by the server: none"), report);
    }

    @Test
    void thePartAfterTheServersStampIsKeptBesideEachWindow() throws Exception {
        List<WindowWriter.Window> windows = WindowWriter.of(List.of(millis(1.5, 2.0)), List.of(millis(0.5, 0.75)), Duration.ofSeconds(5));
        String report = run("cold", windows).report();
        assertTrue(report.contains("[coldstart cold] from     0 s: p50 1.50 ms") && report.contains(
                "after the server's stamp p50 0.50 ms, p99 0.75 ms"), report);

        WindowWriter.COLD_START.append(out, "cold", windows);
        WindowWriter.Row row = WindowWriter.read(out.resolve("cold-start.csv")).get("cold").get(0);
        assertEquals(2.0, row.p99());
        assertEquals(0.5, row.afterStampP50());
        assertEquals(0.75, row.afterStampP99());
    }

    @Test
    void aFileWrittenWithoutTheStampsSplitReadsBack() throws Exception {
        Path csv = out.resolve("cold-start.csv");
        Files.writeString(csv, "label,from_s,p50_ms,p99_ms,max_ms,samples\ncold,0,2.00,3.00,4.00,10\n");
        WindowWriter.Row row = WindowWriter.read(csv).get("cold").get(0);
        assertEquals(3.0, row.p99());
        assertTrue(Double.isNaN(row.afterStampP99()));
    }
}
