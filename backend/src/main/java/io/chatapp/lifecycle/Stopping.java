package io.chatapp.lifecycle;

/**
 * CDI event: the process has been told to stop and the application is about to. Fired about
 * a second before Liberty stops listening and drops open connections, while everything still works.
 */
public record Stopping() {
}
