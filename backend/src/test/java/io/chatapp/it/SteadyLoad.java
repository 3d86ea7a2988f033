package io.chatapp.it;

import com.mongodb.client.model.Filters;
import io.chatapp.client.ChatClient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The fault suite's posters: twenty a second, spread over both servers, each post retried
 * with its clientMessageId (on the other server too) until accepted, as a client behind a
 * load balancer would. Keeps what every request came to.
 */
final class SteadyLoad {

    /**
     * A room on each partition of {@code chat-messages} (its records are keyed by room), so that
     * whichever partitions server B holds carry traffic when it is stopped, killed or cut off.
     */
    static final List<String> ROOMS = List.of("faults-a", "faults-f", "faults-h");
    static final Duration RETRY_FOR = Duration.ofSeconds(90);
    /** EventPublisher's ack timeout is 10 s; a request beyond this has hung. */
    static final Duration HUNG = Duration.ofSeconds(15);
    /** Long enough for a message B had taken to be stored once A has taken over its partitions. */
    private static final Duration CUT_OFF_SETTLES = Duration.ofSeconds(15);

    private final FaultStack stack;
    private final ExecutorService posters = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

    /** clientMessageId -> the id the server accepted it with. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final AtomicInteger posted = new AtomicInteger();
    final AtomicInteger unavailableAnswers = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger gaveUp = new AtomicInteger();
    final AtomicInteger hung = new AtomicInteger();
    final AtomicInteger idMismatches = new AtomicInteger();
    final AtomicLong slowestRequestMs = new AtomicLong();
    /** Cut-off posts whose message was stored anyway: B had taken them and then lost the answer. */
    final AtomicInteger takenButUnanswered = new AtomicInteger();
    /** Cut-off posts B never took: connections it closed unread as it stopped listening. */
    final AtomicInteger neverTaken = new AtomicInteger();
    final List<String> cutOffSamples = Collections.synchronizedList(new ArrayList<>());
    /** Each hung request: its server, the suite's phase when it started, how long it took and what it came to. */
    final List<String> hungRequests = Collections.synchronizedList(new ArrayList<>());
    /** Requests that took more than half the hung bound, described the same way: reported. */
    final List<String> slowRequests = Collections.synchronizedList(new ArrayList<>());

    /**
     * Whether posters may send to server B: like a Service's endpoints, it is out of rotation
     * from its kill until its readiness answers 200 (a starting server holds requests until
     * the application is up).
     */
    volatile boolean serverBInRotation = true;
    /** Set from server B's SIGTERM until it is back: a post to it that loses its connection then was cut off. */
    volatile boolean serverBStopping;

    private final Supplier<String> phase;

    SteadyLoad(FaultStack stack, Supplier<String> phase) {
        this.stack = stack;
        this.phase = phase;
    }

    void start() {
        pacer.scheduleAtFixedRate(() -> {
            int sequence = posted.getAndIncrement();
            posters.execute(() -> postUntilAccepted(sequence));
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Stops posting and waits until every post has its outcome. */
    void stop() throws InterruptedException {
        pacer.shutdown();
        posters.shutdown();
        posters.awaitTermination(RETRY_FOR.toSeconds() + 30, TimeUnit.SECONDS);
        System.out.println("[faults] load stopped after " + posted.get() + " messages");
    }

    private void postUntilAccepted(int sequence) {
        // Enough users that the steady load stays within each user's posting limit, as people would.
        String user = "loader-" + (sequence % 20);
        String room = ROOMS.get(sequence % ROOMS.size());
        String clientMessageId = "fault-" + sequence + "-" + UUID.randomUUID();
        Instant giveUpAt = Instant.now().plus(RETRY_FOR);
        int attempt = 0;
        while (Instant.now().isBefore(giveUpAt)) {
            URI server = (sequence + attempt) % 2 == 0 || !serverBInRotation ? stack.serverA : stack.serverB;
            Instant started = Instant.now();
            String startedIn = phase.get();
            String outcome = "no answer";
            try {
                HttpResponse<String> response = stack.client(server).post(stack.token(user), room, "message " + sequence, clientMessageId);
                outcome = String.valueOf(response.statusCode());
                if (response.statusCode() == 202) {
                    String id = ChatClient.parse(response.body()).getString("id");
                    String earlier = accepted.putIfAbsent(clientMessageId, id);
                    if (earlier != null && !earlier.equals(id)) {
                        idMismatches.incrementAndGet();
                    }
                    ids.add(id);
                    return;
                }
                if (response.statusCode() == 503) {
                    unavailableAnswers.incrementAndGet();
                }
                if (response.statusCode() == 429) {
                    rateLimited.incrementAndGet();
                }
            } catch (IOException e) {
                outcome = e.toString();
                // The server is down or the connection dropped: the outcome is unknown, so retry.
                // A refused connection was never taken; anything else may have lost a request the server had.
                if (server == stack.serverB && serverBStopping && !(e instanceof ConnectException)) {
                    // Had B taken it? Then Kafka has it and it gets stored, with no retry.
                    (storedFrom(user, clientMessageId) ? takenButUnanswered : neverTaken).incrementAndGet();
                    cutOffSamples.add(e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                long took = Duration.between(started, Instant.now()).toMillis();
                slowestRequestMs.accumulateAndGet(took, Math::max);
                if (took > HUNG.toMillis() / 2) {
                    String described = String.format("%s at %s in \"%s\": %d ms, %s", server, started, startedIn, took, outcome);
                    if (took > HUNG.toMillis()) {
                        hung.incrementAndGet();
                        hungRequests.add(described);
                    } else {
                        slowRequests.add(described);
                    }
                }
            }
            attempt++;
            retries.incrementAndGet();
            FaultStack.sleep(Duration.ofMillis(Math.min(2_000, 200L * attempt)));
        }
        gaveUp.incrementAndGet();
    }

    /** Whether the store holds the sender's message with this clientMessageId, looking for a while. */
    private boolean storedFrom(String user, String clientMessageId) {
        Instant until = Instant.now().plus(CUT_OFF_SETTLES);
        do {
            if (stack.messages().countDocuments(Filters.and(Filters.eq("sender.id", user),
                    Filters.eq("client_message_id", clientMessageId))) > 0) {
                return true;
            }
            FaultStack.sleep(Duration.ofMillis(250));
        } while (Instant.now().isBefore(until));
        return false;
    }

    String summary() {
        return String.format("posted %d, accepted %d, 503 answers %d, 429 answers %d, retries %d, gave up %d, hung %d, "
                        + "slowest request %d ms", posted.get(), accepted.size(), unavailableAnswers.get(), rateLimited.get(),
                retries.get(), gaveUp.get(), hung.get(), slowestRequestMs.get())
                + (slowRequests.isEmpty() ? "" : "; slow requests " + slowRequests);
    }
}
