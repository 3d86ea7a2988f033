package io.chatapp.socket;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.Sender;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Before the instance is ready, delivers messages of its own making to WebSocket clients of its
 * own on loopback, through the sessions' outboxes and Open Liberty's writes, as a room's messages
 * are delivered. That path runs interpreted at first, and the first users would otherwise wait
 * for it to be compiled. Nothing reaches Kafka or the store, and no user can join: the endpoint
 * ({@link WarmUpSocket}) takes only the key drawn at this start, and only until the warm-up ends.
 * It ends when its clients have received its frames or its time is up, whichever comes first.
 */
@ApplicationScoped
public class SendPathWarmUp {

    private static final Logger LOG = Logger.getLogger(SendPathWarmUp.class.getName());
    private static final String ROOM = "warm-up";
    private static final Sender SENDER = new Sender("warm-up", "Warm-up");
    /** How many messages a session may be ahead of its client, on average: a room's deliveries overlap like this under load. */
    private static final int MESSAGES_IN_FLIGHT = 8;
    private static final long RECEIPT_POLL = TimeUnit.MICROSECONDS.toNanos(200);
    private static final CloseReason DONE = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "warmed up");

    @Inject
    @ConfigProperty(name = "chat.warm-up.frames")
    int frames;

    @Inject
    @ConfigProperty(name = "chat.warm-up.sessions")
    int sessionCount;

    @Inject
    @ConfigProperty(name = "chat.warm-up.max-duration")
    Duration maxDuration;

    /** The id of the {@code httpEndpoint} whose port the warm-up's clients connect to. */
    @Inject
    @ConfigProperty(name = "chat.warm-up.endpoint")
    String endpoint;

    @Inject
    ConnectionRules rules;

    @Resource
    ManagedExecutorService executor;

    private final String key = newKey();
    private final Queue<ChatSession> joined = new ConcurrentLinkedQueue<>();
    /** Frames the warm-up's clients received, whole. */
    private final LongAdder received = new LongAdder();
    private volatile Outcome outcome;

    /** How the warm-up ended: frames its clients received, in how long, and why it stopped. */
    public record Outcome(long framesReceived, Duration took, String ended) {
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (frames <= 0) {
            outcome = new Outcome(0, Duration.ZERO, "off");
            return;
        }
        executor.execute(this::run);
    }

    /** @return how it ended, once it has */
    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Takes a session of the warm-up's own clients, or refuses it: wrong key, or the warm-up is over. */
    boolean join(Session session, String offeredKey) {
        if (outcome != null || offeredKey == null
                || !MessageDigest.isEqual(key.getBytes(StandardCharsets.US_ASCII), offeredKey.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        ChatSession warmUpSession = rules.open(session, SENDER.id(), Instant.now().plus(maxDuration));
        joined.add(warmUpSession);
        if (outcome != null) {
            // It ended as this one joined: the end's closing may have missed it.
            warmUpSession.close(DONE);
        }
        return true;
    }

    private void run() {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(maxDuration);
        String ended;
        List<WebSocket> clients = new ArrayList<>();
        try {
            HttpClient http = HttpClient.newHttpClient();
            // The endpoint is registered, and takes connections, a moment after the application starts.
            URI socket = untilDeadline(deadline, "address of the HTTP endpoint " + endpoint, this::socketUri);
            while (clients.size() < sessionCount) {
                clients.add(untilDeadline(deadline, "warm-up client connected", () -> http.newWebSocketBuilder()
                        .buildAsync(socket, new Receiver()).get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS)));
            }
            ended = deliver(deadline) ? "done" : "time up";
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "The warm-up ran out of time: {0}", e.getMessage());
            ended = "time up";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = "interrupted";
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The warm-up failed; the instance starts without it", e);
            ended = "failed";
        }
        outcome = new Outcome(received.sum(), Duration.ofNanos(System.nanoTime() - start), ended);
        joined.forEach(session -> session.close(DONE));
        clients.forEach(WebSocket::abort);
        LOG.log(Level.INFO, "Warm-up of the WebSocket send path: {0} frames received by {1} sessions in {2} ms ({3})",
                new Object[] {outcome.framesReceived(), joined.size(), outcome.took().toMillis(), ended});
        joined.clear();
    }

    /** One step of the warm-up's start that fails until the server is far enough. */
    @FunctionalInterface
    private interface Attempt<T> {
        T attempt() throws ExecutionException, InstanceNotFoundException, InterruptedException, TimeoutException;
    }

    /** What the step gives, tried every 200 ms until it succeeds or the deadline comes. */
    private static <T> T untilDeadline(Instant deadline, String what, Attempt<T> step) throws InterruptedException, TimeoutException {
        while (true) {
            try {
                return step.attempt();
            } catch (ExecutionException | InstanceNotFoundException notYet) {
                LOG.log(Level.FINE, "No " + what + " yet", notYet);
                if (remaining(deadline).toMillis() < 200) {
                    throw new TimeoutException("no " + what + " before the deadline, the last attempt: " + notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Delivers messages to every session as {@link MessageDelivery} does, each frame built once,
     * the sessions together at most {@link #MESSAGES_IN_FLIGHT} messages each ahead of what their
     * clients received.
     *
     * @return whether the clients received every frame before the deadline
     */
    private boolean deliver(Instant deadline) throws InterruptedException, TimeoutException {
        while (joined.size() < sessionCount) {
            if (remaining(deadline).isZero()) {
                throw new TimeoutException("sessions not opened before the deadline");
            }
            Thread.sleep(10);
        }
        List<ChatSession> audience = List.copyOf(joined);
        long sent = 0;
        for (int i = 0, messages = frames / audience.size(); i < messages; i++) {
            if (!receivedAtLeast(sent - (long) MESSAGES_IN_FLIGHT * audience.size(), deadline)) {
                return false;
            }
            String frame = Frames.message(new ChatMessage(UUID.randomUUID().toString(), ROOM, "warming up " + i, SENDER,
                    ChatMessage.formatTimestamp(Instant.now()), null));
            audience.forEach(session -> session.send(frame));
            sent += audience.size();
        }
        return receivedAtLeast(sent, deadline);
    }

    private boolean receivedAtLeast(long frameCount, Instant deadline) {
        while (received.sum() < frameCount) {
            if (remaining(deadline).isZero()) {
                return false;
            }
            LockSupport.parkNanos(RECEIPT_POLL);
        }
        return true;
    }

    /** One of the warm-up's clients: counts each whole frame it receives. */
    private final class Receiver implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (last) {
                received.increment();
            }
            socket.request(1);
            return null;
        }
    }

    /**
     * The warm-up's socket on this server, at the port its HTTP endpoint listens on as Liberty
     * reports it: a server's configuration may set that port in ways no setting of ours could follow.
     */
    private URI socketUri() throws InstanceNotFoundException {
        try {
            ObjectName name = new ObjectName("WebSphere:feature=channelfw,type=endpoint,name=" + endpoint);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            String host = (String) server.getAttribute(name, "Host");
            int port = (Integer) server.getAttribute(name, "Port");
            boolean anyAddress = "*".equals(host) || "0.0.0.0".equals(host) || "::".equals(host);
            return new URI("ws", null, anyAddress ? "127.0.0.1" : host, port, "/warm-up/socket", "key=" + key, null);
        } catch (InstanceNotFoundException notYet) {
            throw notYet;
        } catch (JMException | URISyntaxException e) {
            throw new IllegalStateException("No address of the HTTP endpoint " + endpoint, e);
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @PreDestroy
    void stop() {
        joined.forEach(session -> session.close(DONE));
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
