package io.chatapp.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.chatapp.metrics.ChatMetrics;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How fast each user may post, over REST and WebSocket together: a token bucket per sender
 * (Bucket4j) that holds {@code chat.rate-limit.burst} posts and refills
 * {@code chat.rate-limit.per-second} a second. The defaults let a person type, paste and
 * retry freely and stop a script flooding a room. The buckets are per instance: behind N
 * replicas a user can post up to N times the rate, which the limit's purpose (keeping one
 * user from drowning a room or the broker) tolerates.
 */
@ApplicationScoped
public class PostingRateLimiter {

    private static final int TRACKED_USERS = 100_000;

    /** A bucket untouched for as long as it takes to refill is full again: dropping it changes nothing. */
    private final Cache<String, Bucket> buckets;
    private final long burst;
    private final long perSecond;

    @Inject
    ChatMetrics metrics;

    @Inject
    public PostingRateLimiter(@ConfigProperty(name = "chat.rate-limit.burst", defaultValue = "20") long burst,
                              @ConfigProperty(name = "chat.rate-limit.per-second", defaultValue = "5") long perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
        Duration refill = Duration.ofMillis(Math.max(1, (burst * 1_000 + perSecond - 1) / perSecond));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refill).maximumSize(TRACKED_USERS).executor(Runnable::run).build();
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected PostingRateLimiter() {
        this(1, 1);
    }

    /**
     * Takes one post from the sender's allowance.
     *
     * @throws RateLimitedException if there is none left, with how long until there is
     */
    public void take(String senderId) {
        ConsumptionProbe probe = buckets.get(senderId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            metrics.refused("posting");
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build();
    }
}
