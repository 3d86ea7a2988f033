package io.chatapp.store;

/** What an idempotent insert did: a redelivered message is a duplicate, which is success too. */
public enum InsertOutcome {
    INSERTED, DUPLICATE
}
