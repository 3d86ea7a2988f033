package io.chatapp.health;

import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while MongoDB answers, within the ping's bound: history, rooms and tickets need
 * it, and a probe that hung on a store that stopped answering would say nothing at all.
 */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

    /** Past the ping's own bound (2 s): a ping queued behind a waiting one is not waited on for long either. */
    private static final long WAIT_SECONDS = 3;

    @Inject
    MessageRepository repository;

    @Override
    public HealthCheckResponse call() {
        try {
            repository.ping().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return HealthCheckResponse.up("mongodb");
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    private static HealthCheckResponse down(Throwable failure) {
        String error = failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException
                ? "no answer to a ping within its time"
                : failure instanceof BulkheadException ? "an earlier ping is still waiting for an answer"
                : String.valueOf(failure.getMessage());
        return HealthCheckResponse.named("mongodb").down().withData("error", error).build();
    }
}
