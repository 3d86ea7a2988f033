package io.chatapp.load;

import jakarta.json.Json;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Posting as the web app does: each message a {@code send} frame on a socket of its poster,
 * answered by an {@code ack} (or an {@code error}) on the same socket. {@code --posters}
 * threads hand the frames out at the pacer's times without waiting for the answers, one frame
 * at a time per socket; the latency of each accepted message is from when it was due to its
 * ack, so a server falling behind is seen in full (no coordinated omission).
 */
final class SocketSenders {

    /** Answers still awaited this long after the last send are counted as unanswered. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final String ACK = "{\"type\":\"ack\"";
    private static final String ERROR = "{\"type\":\"error\"";

    /**
     * @param sent frames sent; {@code refused} answered by an error frame, by status; {@code unanswered} neither acked nor refused
     * @param notAccepted the numbers of the messages refused or never answered
     */
    record Outcome(Latency ack, double seconds, long sent, Map<Integer, Long> refused, long unanswered, Set<Integer> notAccepted) {
        String summary() {
            return String.format(java.util.Locale.ROOT, "sent over the sockets %d, acked %d%s%s", sent, ack.count(),
                    refused.isEmpty() ? "" : ", refused " + refused, unanswered == 0 ? "" : ", unanswered " + unanswered);
        }
    }

    private final String clientMessageIdPrefix;
    private final String idMarker;
    private final Latency ack = new Latency();
    /** When each message awaiting its answer was due, by its number. */
    private final Map<Integer, Long> awaited = new ConcurrentHashMap<>();
    /** The status of each refused send, by its number. */
    private final Map<Integer, Integer> refused = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final Duration answerWithin;

    SocketSenders(String clientMessageIdPrefix) {
        this(clientMessageIdPrefix, ANSWER_WITHIN);
    }

    SocketSenders(String clientMessageIdPrefix, Duration answerWithin) {
        this.clientMessageIdPrefix = clientMessageIdPrefix;
        this.answerWithin = answerWithin;
        this.idMarker = "\"clientMessageId\":\"" + clientMessageIdPrefix;
    }

    /**
     * Sends for {@code --duration} at {@code --rate}, then waits for the answers.
     *
     * @param sockets the clients' sockets, client u being user u
     * @param route   who posts the n-th message, from their own client's socket, and into which room
     */
    Outcome run(LoadOptions options, List<WebSocket> sockets, Posters.Route route, Posters.Text text) throws Exception {
        List<Outgoing> outgoing = sockets.stream().map(Outgoing::new).toList();
        double seconds = Posters.pace(options, (n, due) -> {
            Posters.Address address = route.of(n);
            String frame = Json.createObjectBuilder().add("type", "send").add("room", address.room())
                    .add("text", text.of(n, due)).add("clientMessageId", clientMessageIdPrefix + n).build().toString();
            awaited.put(n, due);
            outgoing.get(address.user()).send(frame);
            sent.increment();
        });
        long giveUp = System.nanoTime() + answerWithin.toNanos();
        while (!awaited.isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        Map<Integer, Long> refusedByStatus = refused.values().stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        Set<Integer> notAccepted = new HashSet<>(refused.keySet());
        notAccepted.addAll(awaited.keySet());
        return new Outcome(ack, seconds, sent.sum(), Map.copyOf(refusedByStatus), awaited.size(), Set.copyOf(notAccepted));
    }

    /** A frame one of the clients received: an answer to one of these sends is counted. */
    void received(String frame, long now) {
        // A message frame carries its clientMessageId too: only the answers count.
        boolean acked = frame.startsWith(ACK);
        if (!acked && !frame.startsWith(ERROR)) {
            return;
        }
        int at = frame.indexOf(idMarker);
        if (at < 0) {
            return;
        }
        int from = at + idMarker.length();
        int end = frame.indexOf('"', from);
        if (end <= from) {
            return;
        }
        int number = Integer.parseInt(frame, from, end, 10);
        Long due = awaited.remove(number);
        if (due == null) {
            return;
        }
        if (acked) {
            ack.recordNanos(now - due);
        } else {
            refused.put(number, status(frame));
        }
    }

    private static int status(String frame) {
        int at = frame.indexOf("\"status\":");
        if (at < 0) {
            return 0;
        }
        int from = at + "\"status\":".length();
        int end = from;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return end > from ? Integer.parseInt(frame, from, end, 10) : 0;
    }

    /** One socket's frames, one at a time: a WebSocket takes the next text only once the last is sent. */
    private static final class Outgoing {
        private final WebSocket socket;
        private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

        Outgoing(WebSocket socket) {
            this.socket = socket;
        }

        synchronized void send(String frame) {
            last = last.handle((done, failed) -> null).thenCompose(ignored -> socket.sendText(frame, true));
        }
    }
}
