package io.chatapp.health;

import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Started once the application is initialised. At start it also creates the store's
 * indexes; if MongoDB is not up yet they are created with the first write instead.
 */
@Startup
@ApplicationScoped
public class ChatStartupCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ChatStartupCheck.class.getName());

    @Inject
    MessageRepository repository;

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            repository.ensureIndexes();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MongoDB indexes not created at start; retrying with the first write: {0}", e.getMessage());
        }
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application").status(started).build();
    }
}
