package io.chatapp.messaging;

/** Kafka did not acknowledge a message in time: the message was not accepted and may be retried. */
public class NotDurableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotDurableException(String message, Throwable cause) {
        super(message, cause);
    }
}
