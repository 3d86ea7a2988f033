package io.chatapp.load;

import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --clients} idle WebSocket connections to one instance: whether it holds them all, and
 * what they cost it, from its heap as MicroProfile Metrics reports it and, when the server runs
 * on this machine ({@code --pids server=PID}), its resident memory, each sampled after a full
 * collection.
 */
final class ConnectionsScenario {

    private static final int BATCH = 100;

    record Result(int requested, int open, long sessionsGauge, Optional<Memory> before, Optional<Memory> after) {
        String report() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[connections] %d of %d open; the server counts %d sessions",
                    open, requested, sessionsGauge));
            if (before.isPresent() && after.isPresent()) {
                Memory from = before.get();
                Memory to = after.get();
                line.append(String.format(Locale.ROOT, "; heap used %.0f MB -> %.0f MB (%.1f MB per 1000)", from.heapMb(), to.heapMb(),
                        (to.heapMb() - from.heapMb()) * 1000 / Math.max(1, open)));
                if (from.rssMb().isPresent() && to.rssMb().isPresent()) {
                    line.append(String.format(Locale.ROOT, "; RSS %.0f MB -> %.0f MB (%.1f MB per 1000)", from.rssMb().getAsLong() / 1.0,
                            to.rssMb().getAsLong() / 1.0, (to.rssMb().getAsLong() - from.rssMb().getAsLong()) * 1000.0 / Math.max(1, open)));
                }
            }
            return line.toString();
        }
    }

    /** A server's memory at one moment: heap used (MB) and, if known, resident set (MB). */
    record Memory(double heapMb, OptionalLong rssMb) {
    }

    private final LoadOptions options;
    private final ChatService chat;

    ConnectionsScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        Optional<Memory> before = memory();
        List<WebSocket> sockets = new ArrayList<>();
        WebSocket.Listener idle = new WebSocket.Listener() {
        };
        for (int from = 0; from < options.clients(); from += BATCH) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = from; i < Math.min(options.clients(), from + BATCH); i++) {
                opening.add(chat.connect(chat.token(i), idle));
            }
            for (CompletableFuture<WebSocket> socket : opening) {
                try {
                    sockets.add(socket.get(30, TimeUnit.SECONDS));
                } catch (Exception refused) {
                    System.err.println("[connections] a connection failed: " + refused);
                }
            }
        }
        Thread.sleep(2_000);
        long gauge = chat.metric("chat_websocket_sessions", "application").orElse(-1);
        Optional<Memory> after = memory();
        int open = (int) sockets.stream().filter(socket -> !socket.isInputClosed()).count();
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        return new Result(options.clients(), open, gauge, before, after);
    }

    private Optional<Memory> memory() throws Exception {
        collectGarbage();
        OptionalLong heap = chat.metric("memory_usedHeap_bytes", "base");
        if (heap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Memory(heap.getAsLong() / 1e6, rssMb()));
    }

    /**
     * When the server runs here, asks it for a full collection first ({@code jcmd PID GC.run}),
     * so that heap used counts what is live, not garbage not collected yet.
     */
    private void collectGarbage() throws Exception {
        if (options.serverPid().isEmpty()) {
            return;
        }
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(options.serverPid().getAsLong()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            System.err.println("[connections] jcmd GC.run failed; heap used includes garbage");
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
