package io.chatapp.presence;

import io.chatapp.model.Sender;
import io.chatapp.model.Signal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Which users are online, as the presence signals of all instances say: a user is online while
 * some instance has said it has a session of theirs, and has not since said it has none or gone
 * quiet for {@code chat.presence.expiry} (every instance repeats its users at each heartbeat, so
 * only a dead one goes quiet). A user's coming online and going offline are fired as
 * {@link PresenceChanged}, once each.
 */
@ApplicationScoped
public class PresenceBoard {

    static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

    /** By user, when each instance last said it has a session of theirs. */
    private final Map<String, Map<String, Instant>> instancesByUser = new ConcurrentHashMap<>();
    private final Map<String, Sender> online = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    Event<PresenceChanged> changes;

    @Inject
    @ConfigProperty(name = "chat.presence.expiry", defaultValue = "PT50S")
    Duration expiry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeping;

    public PresenceBoard() {
        this(Clock.systemUTC());
    }

    PresenceBoard(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        sweeping = scheduler.scheduleAtFixedRate(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sweeping.cancel(false);
    }

    public boolean isOnline(String userId) {
        return online.containsKey(userId);
    }

    void apply(@Observes Signal.Presence presence) {
        Instant now = clock.instant();
        for (Sender user : presence.online()) {
            seen(user, presence.instance(), now);
        }
        for (String userId : presence.offline()) {
            gone(userId, presence.instance());
        }
    }

    private void seen(Sender user, String instance, Instant now) {
        boolean[] cameOnline = {false};
        instancesByUser.compute(user.id(), (id, instances) -> {
            Map<String, Instant> known = instances == null ? new HashMap<>() : instances;
            cameOnline[0] = known.isEmpty();
            known.put(instance, now);
            if (cameOnline[0]) {
                online.put(id, user);
            }
            return known;
        });
        if (cameOnline[0]) {
            changes.fire(new PresenceChanged(user, true));
        }
    }

    private void gone(String userId, String instance) {
        forget(userId, instances -> instances.remove(instance));
    }

    /** Forgets the instances that have gone quiet for longer than the expiry. */
    void sweep() {
        Instant quietSince = clock.instant().minus(expiry);
        for (String userId : List.copyOf(instancesByUser.keySet())) {
            forget(userId, instances -> instances.values().removeIf(lastSaid -> lastSaid.isBefore(quietSince)));
        }
    }

    /** Takes instances from the user's; the user goes offline if none is left. */
    private void forget(String userId, Consumer<Map<String, Instant>> change) {
        List<Sender> left = new ArrayList<>(1);
        instancesByUser.computeIfPresent(userId, (id, instances) -> {
            change.accept(instances);
            if (!instances.isEmpty()) {
                return instances;
            }
            Sender user = online.remove(id);
            if (user != null) {
                left.add(user);
            }
            return null;
        });
        left.forEach(user -> changes.fire(new PresenceChanged(user, false)));
    }
}
