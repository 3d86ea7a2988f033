package io.chatapp.rooms;

/** The room has no stored message of that id (or not yet: a message is stored a moment after it is accepted). */
public class MessageNotFoundException extends RoomRequestException {

    private static final long serialVersionUID = 1L;

    public MessageNotFoundException(String room, String messageId) {
        super("No stored message " + messageId + " in room " + room);
    }

    /** No stored message of that id in a room the user may see. */
    public MessageNotFoundException(String messageId) {
        super("No stored message " + messageId);
    }

    @Override
    public int status() {
        return 404;
    }
}
