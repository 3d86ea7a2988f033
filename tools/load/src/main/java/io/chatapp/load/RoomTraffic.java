package io.chatapp.load;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Messages posted into rooms while their members' WebSocket clients listen, placed as a
 * {@link RoomLayout} says: fan-out is one room every client is in, the rooms scenario many.
 * Posters send {@code --rate} messages a second; then it waits until every delivery the layout
 * expects has arrived (15 s at most). It measures the latency from a post's due time to its
 * receipt at each member's client, deliveries, those lost (expected but never received) and
 * those misdelivered (received by a client whose user is not in the room), and the CPU each
 * process spends per message, from when the clients are connected until the wait is over.
 * With typists, the first of the clients type in their rooms while the posters post.
 * <p>
 * Posting starts once the clients' coming online has been told: each client's "online" goes to
 * every other session, so a thousand clients connecting is a storm of a million presence frames,
 * which would otherwise overlap the measurement and weigh on its figures by how far it got. How
 * long the storm took is reported.
 */
final class RoomTraffic {

    private static final Duration DRAIN = Duration.ofSeconds(15);
    /** Presence is told once no client has received a presence frame for this long. */
    private static final Duration PRESENCE_QUIET = Duration.ofSeconds(2);
    private static final Duration PRESENCE_SETTLES_WITHIN = Duration.ofSeconds(180);

    /**
     * @param presenceSeconds from the first client connecting until their presence was told
     * @param typing          what the typists sent and received; null without typists
     * @param windows         latency by the window of the run its messages were due in, when the run
     *                        was asked for windows, else empty
     * @param closedByServer  connections that ended before the run was over, by status code: closed by the
     *                        server, or failed (1006)
     * @param post            each accepted message's latency from when it was due: to its POST's answer, or to its ack
     * @param sending         with the messages sent over the clients' sockets, what was sent and answered; else null
     */
    record Result(RoomLayout layout, long accepted, long delivered, long lost, long clientsShort, long misdelivered, double seconds, Latency endToEnd,
                  Latency post, Map<String, Double> cpuMillisPerMessage, double presenceSeconds, Typists.Tally typing,
                  List<WindowWriter.Window> windows, Map<Integer, Long> closedByServer, SocketSenders.Outcome sending) {
        int clients() {
            return layout.clients();
        }
    }

    private final LoadOptions options;
    private final ChatService chat;
    /** This run's message texts: {@code <scenario> <run> <room> <n> <due>}. */
    private final RunText text;
    private final RoomLayout layout;
    private final IntFunction<String> roomIds;
    private final RoomTally tally;
    private final Latency endToEnd = new Latency();
    private final int typistCount;
    private volatile Typists typists;
    private final AtomicLong lastPresenceFrame = new AtomicLong(System.nanoTime());
    private final Duration window;
    private final List<Latency> windows = new ArrayList<>();
    /** For each window, the latency from when the server stamped a message until its receipt. */
    private final List<Latency> afterStamp = new ArrayList<>();
    private final ServerStamps stamps = new ServerStamps();
    private volatile long postingFrom;
    private final Map<Integer, Long> closedByServer = new ConcurrentHashMap<>();
    private volatile boolean closing;
    /** Posting over the clients' sockets: their answers go here. */
    private final SocketSenders senders;

    /**
     * @param roomIds each room's id on the server, by its number in the layout
     * @param typists how many of the clients type in their room meanwhile
     */
    RoomTraffic(LoadOptions options, ChatService chat, RunText text, RoomLayout layout, IntFunction<String> roomIds, int typists) {
        this(options, chat, text, layout, roomIds, typists, null);
    }

    /** @param window when not null, the latency is also measured window by window of the posting */
    RoomTraffic(LoadOptions options, ChatService chat, RunText text, RoomLayout layout, IntFunction<String> roomIds, int typists,
                Duration window) {
        this.window = window;
        if (window != null) {
            long count = Math.max(1, (options.duration().toNanos() + window.toNanos() - 1) / window.toNanos());
            for (long i = 0; i < count; i++) {
                windows.add(new Latency());
                afterStamp.add(new Latency());
            }
        }
        this.options = options;
        this.chat = chat;
        this.text = text;
        this.layout = layout;
        this.roomIds = roomIds;
        this.tally = new RoomTally(layout);
        this.typistCount = typists;
        this.senders = options.sendOverSocket() ? new SocketSenders(text.clientMessageIdPrefix) : null;
    }

    /**
     * What a scenario does at moments of the run: as each client has connected, with the clients'
     * sockets once their presence has been told, before posting (and before the CPU is measured),
     * and once the deliveries have arrived, before the sockets close.
     */
    interface Phases {
        Phases NONE = new Phases() {
        };

        /** @param open how many clients have connected so far */
        default void opened(int open) throws Exception {
        }

        default void connected(List<WebSocket> sockets) throws Exception {
        }

        default void drained(List<WebSocket> sockets) throws Exception {
        }
    }

    Result run() throws Exception {
        return run(Phases.NONE);
    }

    Result run(Phases phases) throws Exception {
        List<WebSocket> sockets = new ArrayList<>();
        long connecting = System.nanoTime();
        for (int client = 0; client < layout.clients(); client++) {
            int each = client;
            sockets.add(chat.connect(chat.token(layout.userOfClient(client)), new TextFrames(frame -> received(each, frame), this::closed))
                    .get(30, TimeUnit.SECONDS));
            phases.opened(sockets.size());
        }
        double presenceSeconds = (awaitPresenceTold() - connecting) / 1e9;
        // Said as it happens, for whoever runs something beside this run and waits for its posting.
        System.err.printf(Locale.ROOT, "[rooms] %d clients connected, their presence told in %.1f s: posting now%n", layout.clients(),
                presenceSeconds);
        phases.connected(sockets);
        ProcessCpu cpu = new ProcessCpu(options.pids());
        Map<String, Double> cpuBefore = cpu.seconds();
        if (typistCount > 0) {
            typists = new Typists(sockets, typistCount, client -> roomIds.apply(layout.roomOfClient(client)));
        }
        Posters.Outcome outcome;
        SocketSenders.Outcome sending = null;
        Posters.Route route = n -> new Posters.Address(layout.posterOf(n), roomIds.apply(layout.roomOf(n)));
        Posters.Text messageText = (n, due) -> text.of(layout.roomOf(n), n, due);
        postingFrom = System.nanoTime();
        try {
            if (senders != null) {
                // Client u is user u (RoomLayout): each poster sends from its own socket.
                sending = senders.run(options, sockets, route, messageText);
                outcome = new Posters.Outcome(sending.ack(), sending.seconds());
            } else {
                outcome = Posters.run(options, chat, text.clientMessageIdPrefix, route, messageText);
            }
        } finally {
            if (typists != null) {
                typists.close();
            }
        }
        long accepted = outcome.post().count();
        // Over the sockets a send may be refused (503) and the run goes on: its room is not owed it.
        long sent = accepted;
        if (sending != null) {
            sent = sending.sent();
            sending.notAccepted().forEach(tally::notAccepted);
        }
        long expected = tally.expected(sent);
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (tally.delivered() < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        Map<String, Double> cpuMillisPerMessage = ProcessCpu.millisPerMessage(cpuBefore, cpu.seconds(), accepted);
        phases.drained(sockets);
        closing = true;
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        return new Result(layout, accepted, tally.delivered(), tally.lost(sent), tally.clientsShort(sent), tally.misdelivered(),
                outcome.seconds(), endToEnd,
                outcome.post(), cpuMillisPerMessage, presenceSeconds, typists == null ? null : typists.tally(),
                window == null ? List.of() : WindowWriter.of(windows, afterStamp, window),
                Map.copyOf(closedByServer), sending);
    }

    /** When posting began (System.nanoTime), once it has. */
    long postingFrom() {
        return postingFrom;
    }

    private void closed(int statusCode) {
        if (!closing) {
            closedByServer.merge(statusCode, 1L, Long::sum);
        }
    }

    /** @return when the last presence frame came, once none has come for a while (or the wait gave up) */
    private long awaitPresenceTold() throws InterruptedException {
        long giveUp = System.nanoTime() + PRESENCE_SETTLES_WITHIN.toNanos();
        while (System.nanoTime() - lastPresenceFrame.get() < PRESENCE_QUIET.toNanos() && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        return lastPresenceFrame.get();
    }

    /** At one client: one of this run's messages, the room it was posted into, and when it was due. */
    private void received(int client, String frame) {
        long now = System.nanoTime();
        if (frame.contains("\"type\":\"presence\"")) {
            lastPresenceFrame.set(now);
        }
        Typists typing = typists;
        if (typing != null) {
            typing.received(frame);
        }
        if (senders != null) {
            senders.received(frame, now);
        }
        long[] numbers = text.numbers(frame, 3);
        if (numbers != null && tally.received(client, (int) numbers[0])) {
            endToEnd.recordNanos(now - numbers[2]);
            if (window != null) {
                int index = Math.min((int) Math.max(0, (numbers[2] - postingFrom) / window.toNanos()), windows.size() - 1);
                windows.get(index).recordNanos(now - numbers[2]);
                long stamped = stamps.nanoTimeOf(frame);
                if (stamped != ServerStamps.NONE) {
                    afterStamp.get(index).recordNanos(now - stamped);
                }
            }
        }
    }
}
