package io.chatapp.store;

import io.chatapp.model.Sender;

import java.time.Instant;

/** One user's membership of a room as last changed: in it or not, and when that was decided. */
public record MemberState(Sender user, boolean member, Instant changedAt) {
}
