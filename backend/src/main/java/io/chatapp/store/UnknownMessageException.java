package io.chatapp.store;

/** A history cursor named a message that the room does not have. */
public class UnknownMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownMessageException(String id) {
        super("no message " + id + " in this room");
    }
}
