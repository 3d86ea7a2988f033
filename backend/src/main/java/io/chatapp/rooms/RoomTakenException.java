package io.chatapp.rooms;

/** A room with that id exists already, whatever its visibility: that is all the answer says. */
public class RoomTakenException extends RoomRequestException {

    private static final long serialVersionUID = 1L;

    public RoomTakenException(String room) {
        super("The room id " + room + " is taken");
    }

    @Override
    public int status() {
        return 409;
    }
}
