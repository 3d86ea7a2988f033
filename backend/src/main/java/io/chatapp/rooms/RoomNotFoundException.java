package io.chatapp.rooms;

/**
 * No such room for this user: it does not exist, or it is private or direct and the user is
 * not a member. The two answer alike, so that a private room's existence does not leak.
 */
public class RoomNotFoundException extends RoomRequestException {

    private static final long serialVersionUID = 1L;

    public RoomNotFoundException(String room) {
        super("No room " + room);
    }

    @Override
    public int status() {
        return 404;
    }
}
