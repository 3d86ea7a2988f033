package io.chatapp.model;

/**
 * What an idempotent insert did. Both kinds of "already stored" are success too; they differ
 * in cause, which operations want to tell apart.
 */
public enum InsertOutcome {
    /** Stored now. */
    INSERTED,
    /** The same message (same id) was already stored from another record: a client's retry published it twice. */
    DUPLICATE,
    /** The very record was already stored: Kafka delivered it again because its offset had not been committed. */
    REDELIVERED
}
