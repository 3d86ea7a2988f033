package io.chatapp.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the rooms scenario's clients received, counted from many threads at once: deliveries to
 * members by room, and misdeliveries, a message of a room the client's user is not in.
 */
final class RoomTally {

    private final RoomLayout layout;
    private final LongAdder[] delivered;
    private final LongAdder misdelivered = new LongAdder();

    RoomTally(RoomLayout layout) {
        this.layout = layout;
        this.delivered = new LongAdder[layout.rooms()];
        for (int room = 0; room < delivered.length; room++) {
            delivered[room] = new LongAdder();
        }
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
        return true;
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
     * Deliveries missing after the first {@code accepted} messages, room by room: a room whose
     * clients received a message twice does not make up for one whose clients missed it.
     */
    long lost(long accepted) {
        long lost = 0;
        for (int room = 0; room < delivered.length; room++) {
            lost += Math.max(0, layout.expectedIn(accepted, room) - delivered[room].sum());
        }
        return lost;
    }
}
