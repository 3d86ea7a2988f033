package io.chatapp.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat server's memory: its heap used as MicroProfile Metrics reports it and, when it runs
 * on this machine ({@code --pids server=PID}), its resident set, sampled after a full collection
 * there, so that what is counted is what is live, not garbage not collected yet.
 */
final class ServerMemory {

    /** A server's memory at one moment: heap used (MB) and, if known, resident set (MB). */
    record Sample(double heapMb, OptionalLong rssMb) {
    }

    private final LoadOptions options;
    private final ChatService chat;

    ServerMemory(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    /** @return empty when the server's metrics are not readable */
    Optional<Sample> sample() throws Exception {
        collectGarbage();
        OptionalLong heap = chat.metric("memory_usedHeap_bytes", "base");
        if (heap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Sample(heap.getAsLong() / 1e6, rssMb()));
    }

    /** Asks the server for a full collection ({@code jcmd PID GC.run}), when it runs here. */
    private void collectGarbage() throws Exception {
        if (options.serverPid().isEmpty()) {
            return;
        }
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(options.serverPid().getAsLong()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            System.err.println("[memory] jcmd GC.run failed; heap used includes garbage");
        }
    }

    private OptionalLong rssMb() throws Exception {
        if (options.serverPid().isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB")
                .matcher(Files.readString(Path.of("/proc", Long.toString(options.serverPid().getAsLong()), "status")));
        return rss.find() ? OptionalLong.of(Long.parseLong(rss.group(1)) / 1024) : OptionalLong.empty();
    }
}
