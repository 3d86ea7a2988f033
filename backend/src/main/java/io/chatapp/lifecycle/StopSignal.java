package io.chatapp.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Fires {@link Stopping} when the JVM is told to stop (SIGTERM). Liberty reacts to the same
 * signal by quiescing: it stops listening, waits about a second for requests in flight, drops
 * the remaining connections and only then stops the application. A shutdown hook is the one
 * moment the application hears of a rolling update early enough to close its WebSockets and
 * let its consumers hand over cleanly.
 */
@ApplicationScoped
public class StopSignal {

    @Inject
    Event<Stopping> stopping;

    private final Thread hook = new Thread(this::fire, "chat-stop-signal");

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void fire() {
        stopping.fire(new Stopping());
    }

    /** An application stopped without a signal (undeployed, {@code server stop}) leaves no hook behind. */
    @PreDestroy
    void forget() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook has run or is running.
        }
    }
}
