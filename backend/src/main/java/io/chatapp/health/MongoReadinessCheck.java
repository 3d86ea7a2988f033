package io.chatapp.health;

import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while MongoDB answers: history, rooms and tickets need it. */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

    @Inject
    MessageRepository repository;

    @Override
    public HealthCheckResponse call() {
        try {
            repository.ping();
            return HealthCheckResponse.up("mongodb");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("mongodb").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
