package io.chatapp.health;

import io.chatapp.messaging.BroadcastAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this instance's broadcast consumer reads every partition: before that, its sockets
 * would miss messages posted meanwhile, live.
 */
@Readiness
@ApplicationScoped
public class BroadcastReadinessCheck implements HealthCheck {

    @Inject
    BroadcastAssignment assignment;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("broadcast").status(assignment.isComplete()).withData("group", assignment.group()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("broadcast").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
