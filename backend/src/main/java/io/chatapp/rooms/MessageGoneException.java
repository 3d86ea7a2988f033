package io.chatapp.rooms;

/** The message was deleted: it can no longer be edited or reacted to. */
public class MessageGoneException extends RoomRequestException {

    private static final long serialVersionUID = 1L;

    public MessageGoneException(String messageId) {
        super("Message " + messageId + " was deleted");
    }

    @Override
    public int status() {
        return 409;
    }
}
