package io.chatapp.load;

import java.util.Locale;

/**
 * {@code --clients} WebSocket clients connected while posters send {@code --rate} messages a
 * second into {@code --room}, which every user is a member of: the latency from a post's due
 * time to its receipt at each client, deliveries a second, and messages lost (accepted but never
 * received by a client, which must be 0), with the CPU each process spends per message.
 */
final class FanoutScenario {

    record Result(RoomTraffic.Result traffic) {
        String report() {
            return String.format(Locale.ROOT, "[fanout] %d clients, %d messages accepted (%.0f/s), %d deliveries (%.0f/s), lost %d; "
                            + "end to end %s; POST %s",
                    traffic.clients(), traffic.accepted(), traffic.accepted() / traffic.seconds(), traffic.delivered(),
                    traffic.delivered() / traffic.seconds(), traffic.lost(), traffic.endToEnd().summary(), traffic.post().summary());
        }
    }

    private final LoadOptions options;
    private final ChatService chat;

    FanoutScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    /** One room of every signed-in user: client i is user i mod {@code --users}, and the users post in turn. */
    Result run() throws Exception {
        RoomLayout everyone = new RoomLayout(1, options.users(), options.clients());
        return new Result(new RoomTraffic(options, chat, new RunText("fanout"), everyone, room -> options.room(), 0).run());
    }
}
