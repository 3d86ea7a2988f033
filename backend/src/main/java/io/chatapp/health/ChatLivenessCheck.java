package io.chatapp.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Alive unless the heap is exhausted: a heap pool that its last collection left nearly full.
 * The heap in use at any moment says nothing of that (a busy JVM fills it between collections,
 * and a restart would only cost its users their sockets). Dependencies are deliberately not
 * checked here: a Kafka or MongoDB outage makes the instance unready, and restarting it would
 * not help.
 */
@Liveness
@ApplicationScoped
public class ChatLivenessCheck implements HealthCheck {

    private static final double MAX_USE_AFTER_COLLECTION = 0.95;

    @Override
    public HealthCheckResponse call() {
        List<MemoryUsage> afterCollection = heapAfterLastCollection();
        Runtime runtime = Runtime.getRuntime();
        return HealthCheckResponse.named("heap").status(!exhausted(afterCollection))
                .withData("usedBytes", runtime.totalMemory() - runtime.freeMemory())
                .withData("maxBytes", runtime.maxMemory())
                .withData("usedAfterLastCollectionBytes", afterCollection.stream().mapToLong(MemoryUsage::getUsed).sum())
                .build();
    }

    /** Each collected heap pool's use right after its last collection. */
    static List<MemoryUsage> heapAfterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .map(MemoryPoolMXBean::getCollectionUsage)
                .toList();
    }

    /** Whether a pool with a limit is still nearly full after its last collection (none yet: not exhausted). */
    static boolean exhausted(List<MemoryUsage> afterCollection) {
        return afterCollection.stream().anyMatch(usage -> usage != null && usage.getMax() > 0
                && usage.getUsed() > MAX_USE_AFTER_COLLECTION * usage.getMax());
    }
}
