package io.chatapp.socket;

import io.chatapp.lifecycle.Stopping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A rolling update or a scale-down: each client is told the server is going away (1001) and
 * reconnects at once, to another instance, instead of seeing its connection drop.
 */
@ApplicationScoped
public class GoingAway {

    @Inject
    SessionRegistry sessions;

    void stopping(@Observes Stopping stopping) {
        sessions.closeAll();
    }
}
