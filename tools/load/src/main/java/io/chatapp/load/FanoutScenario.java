package io.chatapp.load;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code --clients} WebSocket clients connected while posters send {@code --rate} messages a
 * second: the latency from a post's due time to its receipt at each client, deliveries a second,
 * and messages lost (accepted but never received by a client, which must be 0). The CPU each
 * process spends per message is counted from when the clients are connected until every message
 * has arrived.
 */
final class FanoutScenario {

    private static final Duration DRAIN = Duration.ofSeconds(15);

    record Result(int clients, long accepted, long delivered, long lost, double seconds, Latency endToEnd, Latency post,
                  Map<String, Double> cpuMillisPerMessage) {
        String report() {
            return String.format(Locale.ROOT, "[fanout] %d clients, %d messages accepted (%.0f/s), %d deliveries (%.0f/s), lost %d; "
                            + "end to end %s; POST %s",
                    clients, accepted, accepted / seconds, delivered, delivered / seconds, lost, endToEnd.summary(), post.summary());
        }
    }

    private final LoadOptions options;
    private final ChatService chat;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** How this run's message texts start: {@code fanout <run> <n> <due>}. */
    private final String marker = "\"fanout " + run + " ";
    private final Latency endToEnd = new Latency();
    private final LongAdder delivered = new LongAdder();

    FanoutScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            sockets.add(chat.connect(chat.token(i), new Receiver()).get(30, TimeUnit.SECONDS));
        }
        ProcessCpu cpu = new ProcessCpu(options.pids());
        Map<String, Double> cpuBefore = cpu.seconds();
        Posters.Outcome outcome = Posters.run(options, chat, "fanout-" + run + "-", (n, due) -> "fanout " + run + " " + n + " " + due);
        Latency post = outcome.post();
        double seconds = outcome.seconds();
        long expected = post.count() * options.clients();
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (delivered.sum() < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        Map<String, Double> cpuMillisPerMessage = ProcessCpu.millisPerMessage(cpuBefore, cpu.seconds(), post.count());
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        return new Result(options.clients(), post.count(), delivered.sum(), Math.max(0, expected - delivered.sum()), seconds,
                endToEnd, post, cpuMillisPerMessage);
    }

    /** One client: takes this run's messages as they come, and when each was due to be posted. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        /**
         * Finds this run's text in the frame without parsing the JSON: a thousand clients on the
         * machine under test must cost it as little as they can.
         */
        private void received(String frame) {
            long now = System.nanoTime();
            int text = frame.indexOf(marker);
            if (text < 0) {
                return;
            }
            int due = frame.indexOf(' ', text + marker.length()) + 1;
            int end = frame.indexOf('"', due);
            if (due > 0 && end > due) {
                endToEnd.recordNanos(now - Long.parseLong(frame, due, end, 10));
                delivered.increment();
            }
        }
    }
}
