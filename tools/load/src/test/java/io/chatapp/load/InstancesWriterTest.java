package io.chatapp.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.chatapp.load.Latencies.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstancesWriterTest {

    @TempDir
    Path out;

    /** 1,000 messages in 2 s to rooms of 10 members, all delivered but 3. */
    private static RoomTraffic.Result posted(Latency endToEnd, Latency post, SocketSenders.Outcome sending, Map<String, Double> cpu) {
        return new RoomTraffic.Result(new RoomLayout(100, 10, 1000), 1000, 9997, 3, 3, 0, 2, endToEnd, post, cpu, 1.5, null, List.of(),
                Map.of(), sending);
    }

    @Test
    void eachPointIsAppendedUnderItsLabelAndTheTableAndPlotShowThemAll() throws Exception {
        InstancesWriter.append(out, "one instance", 500, posted(millis(10, 40), millis(5, 20), null, Map.of("server", 1.5, "kafka", 0.3)));
        SocketSenders.Outcome sending = new SocketSenders.Outcome(millis(2, 8), 2, 1004, Map.of(503, 4L), 0, Set.of());
        InstancesWriter.append(out, "two instances", 500,
                posted(millis(20, 80), millis(2, 8), sending, Map.of("server", 1.0, "server2", 1.25, "kafka", 0.3)));

        List<InstancesWriter.Row> rows = InstancesWriter.read(out.resolve(InstancesWriter.CSV));
        assertEquals(2, rows.size());
        InstancesWriter.Row one = rows.get(0);
        assertEquals("one instance", one.label());
        assertEquals("POST", one.posting());
        assertEquals(500, one.asked());
        assertEquals(1000, one.clients());
        assertEquals(500, one.acceptedPerSecond());
        assertEquals(40, one.p99(), 0.1);
        assertEquals(20, one.postP99(), 0.1);
        assertEquals(3, one.lost());
        assertEquals(1.5, one.serversCpuMillis(), "the server's CPU, not Kafka's");
        InstancesWriter.Row two = rows.get(1);
        assertEquals("socket", two.posting());
        assertEquals(4, two.refused());
        assertEquals(2.25, two.serversCpuMillis(), "both servers' CPU together");

        String table = Files.readString(out.resolve(InstancesWriter.TABLE));
        assertTrue(table.contains("| one instance | POST | 500 | 1000 | 500 | 4,999 | 10.0 | 40.0 | 20.0 | 3 | 0 | 1.50"), table);
        assertTrue(table.contains("| two instances | socket | 500 |"), table);
        assertNotNull(ImageIO.read(out.resolve(InstancesWriter.PLOT).toFile()));
    }
}
