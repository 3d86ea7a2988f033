package io.chatapp.store;

/** A history cursor ({@code before} or {@code after}) named a message that the room does not have. */
public class UnknownMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String cursor;

    public UnknownMessageException(String cursor, String id) {
        super("no message " + id + " in this room");
        this.cursor = cursor;
    }

    /** The query parameter that named it. */
    public String cursor() {
        return cursor;
    }
}
