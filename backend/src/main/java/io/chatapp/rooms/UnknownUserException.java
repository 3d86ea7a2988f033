package io.chatapp.rooms;

/** No user of that id has ever signed in. */
public class UnknownUserException extends RoomRequestException {

    private static final long serialVersionUID = 1L;

    public UnknownUserException(String userId) {
        super("No user " + userId);
    }

    @Override
    public int status() {
        return 404;
    }
}
