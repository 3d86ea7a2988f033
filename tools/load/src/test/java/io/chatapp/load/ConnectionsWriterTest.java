package io.chatapp.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionsWriterTest {

    @TempDir
    Path out;

    @Test
    void eachRunsMemoryIsAppendedUnderItsLabelAndPlotted() throws Exception {
        ConnectionsWriter.append(out, "10000", List.of(new ConnectionsScenario.Step(0, new ServerMemory.Sample(120, OptionalLong.of(950))),
                new ConnectionsScenario.Step(5000, new ServerMemory.Sample(250.5, OptionalLong.of(1200)))));
        ConnectionsWriter.append(out, "remote", List.of(new ConnectionsScenario.Step(100, new ServerMemory.Sample(130, OptionalLong.empty()))));

        Map<String, List<ConnectionsWriter.Row>> runs = ConnectionsWriter.read(out.resolve(ConnectionsWriter.CSV));
        assertEquals(List.of("10000", "remote"), List.copyOf(runs.keySet()));
        ConnectionsWriter.Row half = runs.get("10000").get(1);
        assertEquals(5000, half.open());
        assertEquals(250.5, half.heapMb());
        assertEquals(1200, half.rssMb());
        assertTrue(Double.isNaN(runs.get("remote").get(0).rssMb()), "no resident set for a server elsewhere");
        assertNotNull(ImageIO.read(out.resolve(ConnectionsWriter.PLOT).toFile()));
    }
}
