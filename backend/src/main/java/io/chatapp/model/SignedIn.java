package io.chatapp.model;

import java.time.Instant;

/**
 * Who holds a WebSocket ticket, and until when their token is valid: the socket opened with the
 * ticket is closed then, so that no one stays connected longer than they are signed in.
 */
public record SignedIn(Sender sender, Instant tokenExpiresAt) {
}
