package io.chatapp.socket;

import io.chatapp.lifecycle.Stopping;
import io.chatapp.messaging.SignalPublisher;
import io.chatapp.model.Sender;
import io.chatapp.model.Signal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells every instance who has a session open here: a user as their first session here opens
 * and as their last one closes, and all of them at every {@code chat.presence.heartbeat}, which
 * is what keeps them online on the other instances' boards (an instance that stops repeating
 * them has died). A graceful stop says they are gone here.
 */
@ApplicationScoped
public class PresenceReporter {

    /** By user, their open sessions here; guarded by this. */
    private final Map<String, LocalUser> users = new HashMap<>();

    @Inject
    SignalPublisher signals;

    @Inject
    @ConfigProperty(name = "chat.instance.id")
    String instance;

    @Inject
    @ConfigProperty(name = "chat.presence.heartbeat", defaultValue = "PT20S")
    Duration heartbeat;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> beating;

    private record LocalUser(Sender user, int sessions) {
    }

    @PostConstruct
    void start() {
        beating = scheduler.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Without a stop signal (an undeployment) the sessions' closing says who is gone, as far as it gets out. */
    @PreDestroy
    void stop() {
        beating.cancel(false);
    }

    void stopping(@Observes Stopping stopping) {
        beating.cancel(false);
        allGone();
    }

    synchronized void opened(Sender user) {
        LocalUser before = users.get(user.id());
        users.put(user.id(), new LocalUser(user, before == null ? 1 : before.sessions() + 1));
        if (before == null) {
            signals.publish(new Signal.Presence(instance, List.of(user), List.of()));
        }
    }

    synchronized void closed(String userId) {
        LocalUser before = users.get(userId);
        if (before == null) {
            return;
        }
        if (before.sessions() > 1) {
            users.put(userId, new LocalUser(before.user(), before.sessions() - 1));
            return;
        }
        users.remove(userId);
        signals.publish(new Signal.Presence(instance, List.of(), List.of(userId)));
    }

    synchronized void heartbeat() {
        signals.publishInParts(users.values().stream().map(LocalUser::user).toList(), online -> new Signal.Presence(instance, online, List.of()));
    }

    private synchronized void allGone() {
        List<String> here = List.copyOf(users.keySet());
        users.clear();
        signals.publishInParts(here, offline -> new Signal.Presence(instance, List.of(), offline));
    }
}
