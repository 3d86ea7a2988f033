package io.chatapp.presence;

import io.chatapp.model.Sender;

/** A user came online (their first session anywhere) or went offline (their last one is gone). */
public record PresenceChanged(Sender user, boolean online) {
}
