package io.chatapp.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has memory to work with. Dependencies are deliberately not checked here:
 * a Kafka or MongoDB outage makes the instance unready, and restarting it would not help.
 */
@Liveness
@ApplicationScoped
public class ChatLivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(share < MAX_HEAP_USE)
                .withData("usedBytes", used).withData("maxBytes", runtime.maxMemory()).build();
    }
}
