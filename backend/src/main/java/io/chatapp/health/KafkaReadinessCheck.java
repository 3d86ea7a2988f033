package io.chatapp.health;

import io.chatapp.messaging.KafkaConnectivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers: without it no message can be accepted. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    @Inject
    KafkaConnectivity kafka;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("kafka").up().withData("brokers", kafka.brokers()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
