package io.chatapp.ingest;

import java.time.Duration;

/** The sender has posted faster than the limit allows; nothing was accepted. */
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** The message is what the client is told, over REST and WebSocket alike. */
    public RateLimitedException(Duration retryAfter) {
        super("Too many messages; retry after " + wholeSeconds(retryAfter) + " s with the same clientMessageId.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a post will be taken again, at least 1: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
