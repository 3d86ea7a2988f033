package io.chatapp.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time the processes of a run on this machine have used (the harness itself among them),
 * so that a report can say what each costs per message: on a machine shared by every component,
 * that is what limits throughput.
 */
final class ProcessCpu {

    static final String HARNESS = "harness";

    private final Map<String, Long> pids = new LinkedHashMap<>();

    ProcessCpu(Map<String, Long> named) {
        pids.putAll(named);
        pids.put(HARNESS, ProcessHandle.current().pid());
    }

    /** CPU seconds used so far, by process name; a process that is gone or not readable is left out. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .ifPresent(cpu -> seconds.put(name, cpu.toNanos() / 1e9)));
        return seconds;
    }

    /** The label and each process's milliseconds ("server 1.250 ms ..."), or nothing when no process was measured. */
    static String summary(String label, Map<String, Double> millis) {
        if (millis.isEmpty()) {
            return "";
        }
        StringBuilder summary = new StringBuilder(label);
        millis.forEach((process, each) -> summary.append(String.format(Locale.ROOT, " %s %.3f ms", process, each)));
        return summary.toString();
    }

    /** Milliseconds of CPU per message, by process, between two readings of {@link #seconds()}. */
    static Map<String, Double> millisPerMessage(Map<String, Double> before, Map<String, Double> after, long messages) {
        Map<String, Double> perMessage = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            Double earlier = before.get(name);
            if (earlier != null && messages > 0) {
                perMessage.put(name, (seconds - earlier) * 1000 / messages);
            }
        });
        return perMessage;
    }
}
