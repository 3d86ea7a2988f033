package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessCpuTest {

    @Test
    void theHarnessCountsItsOwnCpuAndLeavesOutProcessesThatAreGone() {
        Map<String, Double> seconds = new ProcessCpu(Map.of("gone", Long.MAX_VALUE)).seconds();
        assertEquals(java.util.Set.of(ProcessCpu.HARNESS), seconds.keySet());
        assertTrue(seconds.get(ProcessCpu.HARNESS) > 0);
    }

    @Test
    void cpuPerMessageIsTheDifferenceOverTheMessages() {
        Map<String, Double> perMessage = ProcessCpu.millisPerMessage(Map.of("server", 10.0, "harness", 1.0),
                Map.of("server", 12.0, "harness", 1.5, "late", 3.0), 1000);
        assertEquals(Map.of("server", 2.0, "harness", 0.5), perMessage);
    }
}
