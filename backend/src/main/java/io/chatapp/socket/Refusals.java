package io.chatapp.socket;

import io.chatapp.ingest.RateLimitedException;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.problem.FieldErrors;
import io.chatapp.problem.Problem;
import io.chatapp.rooms.InvalidFieldException;
import io.chatapp.rooms.RoomRequestException;
import io.chatapp.store.StoreUnavailableException;
import jakarta.validation.ConstraintViolationException;

/** The error frame for a command refused before it was published: the status its REST call answers. */
final class Refusals {

    private Refusals() {
    }

    /** @return the error frame, or null when the exception is no refusal (a bug, which the caller lets through) */
    static String frame(String clientMessageId, RuntimeException refused) {
        if (refused instanceof ConstraintViolationException invalid) {
            return Frames.error(clientMessageId, 400, Problem.invalid(FieldErrors.of(invalid)).detail());
        }
        if (refused instanceof InvalidFieldException invalid) {
            return Frames.error(clientMessageId, 400, invalid.field() + ": " + invalid.getMessage());
        }
        if (refused instanceof RoomRequestException room) {
            return Frames.error(clientMessageId, room.status(), room.getMessage());
        }
        if (refused instanceof RateLimitedException limited) {
            return Frames.error(clientMessageId, 429, limited.getMessage(), limited.retryAfterSeconds());
        }
        if (refused instanceof StoreUnavailableException) {
            return Frames.error(clientMessageId, 503, "The store cannot be reached; send it again");
        }
        if (refused instanceof NotDurableException) {
            return Frames.error(clientMessageId, 503, refused.getMessage() + "; send it again");
        }
        return null;
    }
}
