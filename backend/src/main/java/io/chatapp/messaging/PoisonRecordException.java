package io.chatapp.messaging;

/** A record on {@code chat-messages} that can never become a message; its message is the reason. */
public class PoisonRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
