package io.chatapp.rooms;

/** The user may see the room but not do this to it (remove someone without being its creator, leave general). */
public class RoomRefusedException extends RoomRequestException {

    private static final long serialVersionUID = 1L;

    public RoomRefusedException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 403;
    }
}
