package io.chatapp.health;

import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ready only while MongoDB answers, within the ping's bound: history, rooms and tickets need
 * it, and a probe that hung on a store that stopped answering would say nothing at all.
 * <p>
 * One ping at a time, on the thread of the probe that sent it: probes that come meanwhile (the
 * kubelet, a monitoring system, a load balancer) share its answer. Queued or refused pings, or
 * pings waiting for a thread of a busy server, would read a store that answers as DOWN.
 */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

    @Inject
    MessageRepository repository;

    private final AtomicReference<CompletableFuture<Void>> pingOut = new AtomicReference<>();

    @Override
    public HealthCheckResponse call() {
        try {
            // A probe sharing a ping waits for the ping's own bound and a second more, in case the bound fails.
            answer().get(repository.pingBound().toMillis() + 1000, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.up("mongodb");
        } catch (ExecutionException e) {
            Throwable failure = e.getCause().getCause() == null ? e.getCause() : e.getCause().getCause();
            return down(String.valueOf(failure.getMessage()));
        } catch (TimeoutException e) {
            return down("no answer to a ping within its time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    /** The answer to the ping out now, or to one sent now on this thread. */
    private CompletableFuture<Void> answer() {
        while (true) {
            CompletableFuture<Void> out = pingOut.get();
            if (out != null && !out.isDone()) {
                return out;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            if (pingOut.compareAndSet(out, mine)) {
                try {
                    repository.ping();
                    mine.complete(null);
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
                return mine;
            }
        }
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("mongodb").down().withData("error", error).build();
    }
}
