package io.chatapp.load;

import java.net.http.WebSocket;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rooms scenario held for a long {@code --duration}: whether the server stays as it was,
 * the latency window by window ({@code --window}), the last window's p99 against the second's
 * (the first is the posting's own start), the server's heap after a full collection once the
 * clients are connected and again once every delivery has arrived ({@link ServerMemory}), the
 * records it dead-lettered meanwhile, and how long after the last post its history had every
 * message.
 */
final class SoakScenario {

    /**
     * @param label         names the run in soak.csv and its plot: the rate asked
     * @param deadLettered  records the server sent to the dead-letter topic during the run
     * @param storedSeconds from the end of the deliveries until the server had stored every message it took
     */
    record Result(String label, RoomsScenario.Result rooms, Optional<ServerMemory.Sample> before, Optional<ServerMemory.Sample> after,
                  long deadLettered, double storedSeconds) {

        List<WindowWriter.Window> windows() {
            return rooms.traffic().windows();
        }

        /** The last window's p99 against the second's, in per cent more; empty with fewer than three windows. */
        Optional<Double> p99Growth() {
            List<WindowWriter.Window> windows = windows();
            if (windows.size() < 3 || windows.get(1).latency().count() == 0) {
                return Optional.empty();
            }
            Latency second = windows.get(1).latency();
            Latency last = windows.get(windows.size() - 1).latency();
            return Optional.of((last.millisAt(99) / second.millisAt(99) - 1) * 100);
        }

        String report() {
            StringBuilder report = new StringBuilder(rooms.report().replaceFirst("^\\[rooms\\]", "[soak]"));
            report.append(String.format(Locale.ROOT, "; dead-lettered %d; every message stored %.1f s after the deliveries", deadLettered,
                    storedSeconds));
            p99Growth().ifPresent(growth -> report.append(String.format(Locale.ROOT, "; p99 of the last window %+.0f %% against the second's",
                    growth)));
            if (before.isPresent() && after.isPresent()) {
                report.append(String.format(Locale.ROOT, "; heap used after a full collection %.0f MB -> %.0f MB", before.get().heapMb(),
                        after.get().heapMb()));
                if (before.get().rssMb().isPresent() && after.get().rssMb().isPresent()) {
                    report.append(String.format(Locale.ROOT, ", RSS %d MB -> %d MB", before.get().rssMb().getAsLong(),
                            after.get().rssMb().getAsLong()));
                }
            }
            for (WindowWriter.Window each : windows()) {
                report.append(String.format(Locale.ROOT, "%n[soak] from %5.0f s: %s", each.fromSeconds(), each.latency().summary()));
            }
            return report.toString();
        }

        boolean nothingLost() {
            return rooms.nothingLost() && deadLettered == 0;
        }
    }

    private static final String DEAD_LETTERED = "chat_messages_deadlettered_total";

    private final LoadOptions options;
    private final ChatService chat;

    SoakScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        ServerMemory memory = new ServerMemory(options, chat);
        var samples = new Object() {
            Optional<ServerMemory.Sample> before = Optional.empty();
            Optional<ServerMemory.Sample> after = Optional.empty();
        };
        long deadLetteredBefore = chat.metric(DEAD_LETTERED, "application").orElse(0);
        RoomTraffic.Result traffic = new RoomsScenario(options, chat).traffic(options.window()).run(new RoomTraffic.Phases() {
            @Override
            public void connected(List<WebSocket> sockets) throws Exception {
                samples.before = memory.sample();
            }

            @Override
            public void drained(List<WebSocket> sockets) throws Exception {
                samples.after = memory.sample();
            }
        });
        long deadLettered = chat.metric(DEAD_LETTERED, "application").orElse(0) - deadLetteredBefore;
        long drained = System.nanoTime();
        long stored = chat.awaitStored(chat.metric("chat_messages_ingested_total", "application").orElse(0));
        return new Result(options.rate() + "/s", new RoomsScenario.Result(traffic), samples.before, samples.after, deadLettered, (stored - drained) / 1e9);
    }
}
