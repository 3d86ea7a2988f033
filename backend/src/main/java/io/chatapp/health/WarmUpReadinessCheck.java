package io.chatapp.health;

import io.chatapp.socket.SendPathWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the WebSocket send path has been warmed up (or the warm-up gave up): users do not meet it cold. */
@Readiness
@ApplicationScoped
public class WarmUpReadinessCheck implements HealthCheck {

    @Inject
    SendPathWarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("warm-up");
        return warmUp.outcome()
                .map(outcome -> response.up().withData("frames", outcome.framesReceived())
                        .withData("milliseconds", outcome.took().toMillis()).withData("ended", outcome.ended()))
                .orElseGet(response::down).build();
    }
}
