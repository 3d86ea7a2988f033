package io.chatapp.load;

import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --clients} WebSocket connections to one instance, mostly idle: whether it holds them
 * all, what they cost it ({@link ServerMemory}, before the first connects and once all are open),
 * and whether each is still served, with {@code --rate} messages a second posted to the room
 * everyone is in for {@code --duration}: the latency from each post's due time to its receipt at
 * every client. With more clients than {@code --users}, each user holds several of them, as a
 * user with several tabs does; only a user's first session is announced to the others. A run
 * given a {@code --label} also samples the memory at each tenth of the connections, to show how
 * it grows with them; each sample's full collection then adds to the time the presence takes.
 */
final class ConnectionsScenario {

    /** The server's memory once this many connections were open. */
    record Step(int open, ServerMemory.Sample memory) {
    }

    /**
     * @param open     connections still open once every one had been made and served
     * @param steps    the server's memory before the first connection and, for a labelled run, at each tenth of
     *                 them, when readable
     * @param delivery what the clients received meanwhile
     */
    record Result(int requested, int users, int open, long sessionsGauge, Optional<ServerMemory.Sample> before,
                  Optional<ServerMemory.Sample> after, List<Step> steps, RoomTraffic.Result delivery) {
        String report() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[connections] %d of %d open (%d users); "
                    + "the server counts %d sessions", open, requested, users, sessionsGauge));
            if (before.isPresent() && after.isPresent()) {
                ServerMemory.Sample from = before.get();
                ServerMemory.Sample to = after.get();
                line.append(String.format(Locale.ROOT, "; heap used %.0f MB -> %.0f MB (%.1f MB per 1000)", from.heapMb(), to.heapMb(),
                        (to.heapMb() - from.heapMb()) * 1000 / Math.max(1, open)));
                if (from.rssMb().isPresent() && to.rssMb().isPresent()) {
                    line.append(String.format(Locale.ROOT, "; RSS %d MB -> %d MB (%.1f MB per 1000)", from.rssMb().getAsLong(),
                            to.rssMb().getAsLong(), (to.rssMb().getAsLong() - from.rssMb().getAsLong()) * 1000.0 / Math.max(1, open)));
                }
            }
            line.append(String.format(Locale.ROOT, "; presence told in %.1f s; %d messages (%.1f/s) to every client: %d deliveries, "
                            + "lost %d, end to end %s", delivery.presenceSeconds(), delivery.accepted(),
                    delivery.accepted() / delivery.seconds(), delivery.delivered(), delivery.lost(), delivery.endToEnd().summary()));
            if (!delivery.closedByServer().isEmpty()) {
                line.append("; connections closed before the end, by status: ").append(delivery.closedByServer());
            }
            return line.toString();
        }

        boolean held() {
            return open == requested && delivery.lost() == 0;
        }
    }

    private final LoadOptions options;
    private final ChatService chat;

    ConnectionsScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        ServerMemory memory = new ServerMemory(options, chat);
        Optional<ServerMemory.Sample> before = memory.sample();
        List<Step> steps = new ArrayList<>();
        before.ifPresent(sample -> steps.add(new Step(0, sample)));
        boolean stepwise = options.label() != null;
        int tenth = Math.max(1, options.clients() / 10);
        var held = new Object() {
            int open;
            long gauge;
            Optional<ServerMemory.Sample> after = Optional.empty();
        };
        RoomLayout everyone = new RoomLayout(1, options.users(), options.clients());
        RoomTraffic traffic = new RoomTraffic(options, chat, new RunText("connections"), everyone, room -> options.room(), 0);
        RoomTraffic.Result delivery = traffic.run(new RoomTraffic.Phases() {
            @Override
            public void opened(int open) throws Exception {
                if (stepwise && (open % tenth == 0 || open == options.clients())) {
                    memory.sample().ifPresent(sample -> steps.add(new Step(open, sample)));
                }
            }

            @Override
            public void drained(List<WebSocket> sockets) throws Exception {
                held.open = (int) sockets.stream().filter(socket -> !socket.isInputClosed()).count();
                held.gauge = chat.metric("chat_websocket_sessions", "application").orElse(-1);
                held.after = memory.sample();
            }
        });
        return new Result(options.clients(), Math.min(options.users(), options.clients()), held.open, held.gauge, before, held.after,
                List.copyOf(steps), delivery);
    }
}
