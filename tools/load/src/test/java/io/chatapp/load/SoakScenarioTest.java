package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.chatapp.load.Latencies.millis;
import static io.chatapp.load.Latencies.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakScenarioTest {

    private static SoakScenario.Result soak(List<Latency> latencies, long lost, long deadLettered) {
        List<WindowWriter.Window> windows = windows(Duration.ofSeconds(20), latencies.toArray(Latency[]::new));
        Latency all = millis(5, 10);
        RoomTraffic.Result traffic = new RoomTraffic.Result(new RoomLayout(2, 2, 4), 100, 200 - lost, lost, lost > 0 ? 1 : 0, 0, 60, all,
                all, Map.of(), 0.5, null, windows, Map.of(), null);
        return new SoakScenario.Result("100/s", new RoomsScenario.Result(traffic), Optional.of(new ServerMemory.Sample(120, OptionalLong.of(600))),
                Optional.of(new ServerMemory.Sample(124, OptionalLong.of(610))), deadLettered, 2.5);
    }

    @Test
    void theLastWindowIsSetAgainstTheSecondNotTheFirst() {
        SoakScenario.Result result = soak(List.of(millis(400), millis(10), millis(12), millis(15)), 0, 0);
        assertEquals(50, result.p99Growth().orElseThrow(), 1);
        String report = result.report();
        assertTrue(report.startsWith("[soak] 2 rooms of 2 members on 4 clients, 100 messages accepted"), report);
        assertTrue(report.contains("; dead-lettered 0; every message stored 2.5 s after the deliveries; p99 of the last window +50 % "
                + "against the second's; heap used after a full collection 120 MB -> 124 MB, RSS 600 MB -> 610 MB"), report);
        assertTrue(report.contains("\n[soak] from    20 s: p50 10.0"), report);
        assertTrue(report.endsWith("[soak] from    60 s: " + millis(15).summary()), report);
    }

    @Test
    void withTooFewWindowsThereIsNothingToSetAgainst() {
        assertTrue(soak(List.of(millis(1), millis(2)), 0, 0).p99Growth().isEmpty());
        assertFalse(soak(List.of(millis(1), millis(2)), 0, 0).report().contains("last window"));
    }

    @Test
    void aDeadLetterFailsTheSoakAsALossDoes() {
        assertTrue(soak(List.of(), 0, 0).nothingLost());
        assertFalse(soak(List.of(), 0, 1).nothingLost());
        assertFalse(soak(List.of(), 2, 0).nothingLost());
    }
}
