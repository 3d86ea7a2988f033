package io.chatapp.rooms;

/** A request about a room that cannot be done as asked; {@link #status()} says how to answer it (HTTP, or an error frame). */
public abstract class RoomRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected RoomRequestException(String message) {
        super(message);
    }

    /** 404 not there (or not for this user), 403 not allowed, 409 conflicting. */
    public abstract int status();
}
