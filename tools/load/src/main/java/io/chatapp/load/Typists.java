package io.chatapp.load;

import jakarta.json.Json;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Clients typing while messages flow: each tells its room it is typing every
 * {@link #EVERY}, as the web app does while its user types, the clients spread evenly over that
 * period. Typing is an ephemeral signal on a topic of its own; the scenario running beside it
 * shows whether it slows messages down. Counts the typing frames sent and those the clients
 * receive.
 */
final class Typists implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(2);

    /** What the typing of a run came to. */
    record Tally(int typists, long sent, long skipped, long received, double seconds) {
        String summary() {
            return String.format(java.util.Locale.ROOT, "%d typing: %d typing frames sent (%.0f/s), %d received (%.0f/s)%s",
                    typists, sent, sent / seconds, received, received / seconds, skipped == 0 ? "" : ", " + skipped + " not sent (socket busy)");
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "typists");
        thread.setDaemon(true);
        return thread;
    });
    private final int typists;
    private final LongAdder sent = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final long started = System.nanoTime();

    /**
     * Starts the first {@code typists} of the sockets typing.
     *
     * @param roomOfClient the room id each client types in
     */
    Typists(List<WebSocket> sockets, int typists, IntFunction<String> roomOfClient) {
        this.typists = typists;
        long period = EVERY.toNanos();
        for (int client = 0; client < typists; client++) {
            WebSocket socket = sockets.get(client);
            String frame = Json.createObjectBuilder().add("type", "typing").add("room", roomOfClient.apply(client)).build().toString();
            CompletableFuture<?>[] last = {CompletableFuture.completedFuture(null)};
            timer.scheduleAtFixedRate(() -> {
                // One frame at a time on a socket: a send still under way is not overtaken.
                if (!last[0].isDone()) {
                    skipped.increment();
                    return;
                }
                last[0] = socket.sendText(frame, true);
                sent.increment();
            }, period * client / typists, period, TimeUnit.NANOSECONDS);
        }
    }

    /** A frame one of the clients received: counted if it is someone's typing. */
    void received(String frame) {
        if (frame.contains("\"type\":\"typing\"")) {
            received.increment();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    Tally tally() {
        return new Tally(typists, sent.sum(), skipped.sum(), received.sum(), (System.nanoTime() - started) / 1e9);
    }
}
