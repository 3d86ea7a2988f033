package io.chatapp.store;

/** MongoDB could not be reached or failed to answer; the caller may try again later. */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("the message store is unavailable", cause);
    }
}
