package io.chatapp.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the rooms scenario's clients received, counted from many threads at once: deliveries to
 * members by room and by client, and misdeliveries, a message of a room the client's user is not in.
 */
final class RoomTally {

    private final RoomLayout layout;
    private final LongAdder[] delivered;
    private final LongAdder[] byClient;
    private final LongAdder misdelivered = new LongAdder();
    /** By room, the messages the server did not accept: refused, or never answered. */
    private final LongAdder[] notAccepted;

    RoomTally(RoomLayout layout) {
        this.layout = layout;
        this.delivered = adders(layout.rooms());
        this.byClient = adders(layout.clients());
        this.notAccepted = adders(layout.rooms());
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    /**
     * Counts a message of the room received by the client.
     *
     * @return false if the client's user is not a member of that room
     */
    boolean received(int client, int room) {
        if (room < 0 || room >= delivered.length || layout.roomOfClient(client) != room) {
            misdelivered.increment();
            return false;
        }
        delivered[room].increment();
        byClient[client].increment();
        return true;
    }

    /** The n-th message was not accepted (refused, or never answered): its room's clients are not owed it. */
    void notAccepted(int message) {
        notAccepted[layout.roomOf(message)].increment();
    }

    /** How many of the first {@code sent} messages each client of the room is owed. */
    private long owedEach(long sent, int room) {
        return layout.messagesIn(sent, room) - notAccepted[room].sum();
    }

    /** The room's deliveries owed for the first {@code sent} messages: each accepted one to every client of the room. */
    private long owed(long sent, int room) {
        return owedEach(sent, room) * layout.clientsIn(room);
    }

    long expected(long sent) {
        long expected = 0;
        for (int room = 0; room < delivered.length; room++) {
            expected += owed(sent, room);
        }
        return expected;
    }

    long delivered() {
        long sum = 0;
        for (LongAdder room : delivered) {
            sum += room.sum();
        }
        return sum;
    }

    long misdelivered() {
        return misdelivered.sum();
    }

    /**
     * Deliveries missing of the accepted ones among the first {@code sent} messages, room by
     * room: a room whose clients received a message twice does not make up for one whose clients
     * missed it.
     */
    long lost(long sent) {
        long lost = 0;
        for (int room = 0; room < delivered.length; room++) {
            lost += Math.max(0, owed(sent, room) - delivered[room].sum());
        }
        return lost;
    }

    /**
     * The clients that received fewer of the accepted ones among the first {@code sent} messages
     * than their room had: a few clients short of every message point at sessions not subscribed
     * to their room, many clients short of a few at messages that never went out.
     */
    long clientsShort(long sent) {
        long count = 0;
        for (int client = 0; client < byClient.length; client++) {
            if (byClient[client].sum() < owedEach(sent, layout.roomOfClient(client))) {
                count++;
            }
        }
        return count;
    }
}
