package io.chatapp.ingest;

import java.time.Duration;

/** The sender has posted faster than the limit allows; nothing was accepted. */
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many messages; retry after " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a post will be taken again, at least 1: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
