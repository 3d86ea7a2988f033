package io.chatapp.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Many rooms: {@code --rooms} public rooms of {@code --room-members} members each, their
 * members' {@code --clients} WebSocket clients connected while posters send {@code --rate}
 * messages a second spread over the rooms (see {@link RoomLayout}). The server delivers a
 * message to its room's members' sessions only, so each message reaches its room's clients
 * and no other: the latency from a post's due time to its receipt at each of them, deliveries a
 * second, messages lost (never received by a member's client) and misdelivered (received by a
 * client whose user is not in the room), both of which must be 0, and the CPU each process
 * spends per message. Each run creates rooms of its own, so runs never share one. With
 * {@code --typists}, that many clients type in their rooms meanwhile ({@link Typists}). With
 * {@code --send-over-socket} the messages go as the web app sends them, each a {@code send} frame
 * on its poster's socket, and their latency to the ack is reported in place of the POST's
 * ({@link SocketSenders}).
 */
final class RoomsScenario {

    record Result(RoomTraffic.Result traffic) {
        String report() {
            RoomLayout layout = traffic.layout();
            return String.format(Locale.ROOT, "[rooms] %d rooms of %d members on %d clients, %d messages accepted (%.0f/s), "
                            + "%d deliveries (%.0f/s), lost %d%s, misdelivered %d; end to end %s; %s %s",
                    layout.rooms(), layout.members(), layout.clients(), traffic.accepted(), traffic.accepted() / traffic.seconds(),
                    traffic.delivered(), traffic.delivered() / traffic.seconds(), traffic.lost(),
                    traffic.lost() == 0 ? "" : " (" + traffic.clientsShort() + " clients short)", traffic.misdelivered(),
                    traffic.endToEnd().summary(), traffic.sending() == null ? "POST" : "ack", traffic.post().summary())
                    + (traffic.sending() == null ? "" : "; " + traffic.sending().summary())
                    + (traffic.typing() == null ? "" : "; " + traffic.typing().summary())
                    + String.format(Locale.ROOT, "; clients' presence told in %.1f s, before posting", traffic.presenceSeconds())
                    + (traffic.closedByServer().isEmpty() ? "" : "; connections closed before the end, by status: " + traffic.closedByServer())
                    + ProcessCpu.summary("; CPU per message:", traffic.cpuMillisPerMessage());
        }

        boolean nothingLost() {
            return traffic.lost() == 0 && traffic.misdelivered() == 0 && (traffic.sending() == null || traffic.sending().unanswered() == 0);
        }
    }

    private final LoadOptions options;
    private final ChatService chat;

    RoomsScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        return new Result(traffic(null).run());
    }

    /**
     * Creates this run's rooms, its members join them, and the traffic is ready to run.
     *
     * @param window when not null, the latency is also measured window by window
     */
    RoomTraffic traffic(Duration window) throws Exception {
        RoomLayout layout = new RoomLayout(options.rooms(), options.roomMembers(), options.clients());
        RunText text = new RunText("rooms");
        IntFunction<String> roomIds = room -> RoomLayout.roomId(text.run, room);
        // Room r's creator is user r, its first member; the others join it by themselves.
        ChatService.inParallel(layout.rooms(), room -> {
            if (!chat.createRoom(room, roomIds.apply(room))) {
                throw new IOException("room " + roomIds.apply(room) + " exists already: another run took this run's id");
            }
        });
        chat.join(layout.rooms(), layout.users(), user -> roomIds.apply(layout.roomOfUser(user)));
        return new RoomTraffic(options, chat, text, layout, roomIds, options.typists(), window);
    }
}
