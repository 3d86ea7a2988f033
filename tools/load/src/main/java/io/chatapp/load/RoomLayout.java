package io.chatapp.load;

/**
 * Who is where in the rooms scenario: {@code rooms} rooms of {@code members} members each, the
 * first {@code rooms × members} users; user u is a member of room u mod rooms. Client (socket)
 * s is user s mod (rooms × members), so with as many clients as users each has one, and with
 * more some have several, as on several devices. Message n is posted by user n mod (rooms ×
 * members) into their own room: a poster is a member of the room already, so posting does
 * not make anyone a member of another room, and the rooms get the messages in turn.
 */
record RoomLayout(int rooms, int members, int clients) {

    RoomLayout {
        if (rooms < 1 || members < 1 || clients < 0) {
            throw new IllegalArgumentException("rooms and members must be positive, clients at least 0");
        }
    }

    int users() {
        return rooms * members;
    }

    int roomOfUser(int user) {
        return user % rooms;
    }

    int userOfClient(int client) {
        return client % users();
    }

    int roomOfClient(int client) {
        return roomOfUser(userOfClient(client));
    }

    int posterOf(int message) {
        return message % users();
    }

    int roomOf(int message) {
        return roomOfUser(posterOf(message));
    }

    /** The room's id on the server, unique to the run: {@code rooms-<run>-<room>}. */
    static String roomId(String run, int room) {
        return "rooms-" + run + "-" + room;
    }

    /** How many clients the room's members have connected. */
    long clientsIn(int room) {
        return inRoom(clients, room);
    }

    /** How many of the first {@code accepted} messages were posted into the room. */
    long messagesIn(long accepted, int room) {
        return inRoom(accepted, room);
    }

    /**
     * How many of 0 to count - 1 are in the room, for clients and messages alike: client s and
     * message n are in room s mod rooms and n mod rooms, since rooms divides rooms × members.
     */
    private long inRoom(long count, int room) {
        return count / rooms + (room < count % rooms ? 1 : 0);
    }
}
