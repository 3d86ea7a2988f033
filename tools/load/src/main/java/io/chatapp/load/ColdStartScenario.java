package io.chatapp.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the users of a freshly started instance see: from the moment it reports ready
 * ({@code /health/ready} answers 200), its users sign in, connect and receive fan-out at
 * {@code --rate} for {@code --duration}, the latency measured for each {@code --window} of it,
 * with the connections the server closed meanwhile (a client it found too slow is closed with
 * 1013). Run once on a fresh instance and once more on the same instance, warm, for the curve
 * against its settled state; with {@code --series}, one harness measures instance after instance, warm
 * from the first, so that what the windows show is each instance's cold start and not the harness's.
 */
final class ColdStartScenario {

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * @param readySeconds how long the harness waited for the server to be ready
     * @param setupSeconds from ready to the first post: signing in, joining, connecting
     */
    record Result(String label, double readySeconds, double setupSeconds, RoomTraffic.Result traffic) {

        /** Each window's latency, from when its first message was due, in seconds after posting began. */
        List<WindowWriter.Window> windows() {
            return traffic.windows();
        }

        String report() {
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "[coldstart %s] ready after %.1f s of waiting; %.1f s from ready to the first post; %d clients, %d messages accepted "
                            + "(%.0f/s), %d deliveries (%.0f/s), lost %d; end to end %s; POST %s; closed by the server: %s%n",
                    label, readySeconds, setupSeconds, traffic.clients(), traffic.accepted(), traffic.accepted() / traffic.seconds(),
                    traffic.delivered(), traffic.delivered() / traffic.seconds(), traffic.lost(), traffic.endToEnd().summary(),
                    traffic.post().summary(), traffic.closedByServer().isEmpty() ? "none" : traffic.closedByServer()));
            for (WindowWriter.Window each : windows()) {
                report.append(String.format(Locale.ROOT, "[coldstart %s] from %5.0f s: %s; after the server's stamp p50 %.2f ms, p99 %.2f ms%n",
                        label, each.fromSeconds(), each.latency().summary(), each.afterStamp().millisAt(50), each.afterStamp().millisAt(99)));
            }
            return report.toString().stripTrailing();
        }
    }

    private final LoadOptions options;

    ColdStartScenario(LoadOptions options) {
        this.options = options;
    }

    /**
     * Waits for the instance to be ready, measures it, prints the report and appends its windows to
     * {@code --out}.
     *
     * @return whether nothing was lost
     */
    static boolean measure(LoadOptions options) throws Exception {
        ColdStartScenario scenario = new ColdStartScenario(options);
        double readySeconds = scenario.awaitReady();
        long ready = System.nanoTime();
        ChatService chat = new ChatService(options);
        chat.signIn();
        Result result = scenario.run(chat, readySeconds, ready);
        System.out.println(result.report());
        WindowWriter.COLD_START.append(options.out(), result.label(), result.windows());
        return result.traffic().lost() == 0;
    }

    /**
     * {@link #measure} for each run read, one a line ({@link LoadOptions#withRun}), each followed by
     * the line {@code [coldstart LABEL] done}, on which whoever feeds the runs stops that instance and
     * starts the next.
     *
     * @return whether nothing was lost in any of them
     */
    static boolean measureEach(LoadOptions options, BufferedReader runs) throws Exception {
        boolean nothingLost = true;
        for (String line = runs.readLine(); line != null; line = runs.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            LoadOptions run = options.withRun(line);
            nothingLost &= measure(run);
            System.out.println("[coldstart " + run.label() + "] done");
            System.out.flush();
        }
        return nothingLost;
    }

    /** Waits until the server answers ready. @return how long it took, in seconds */
    private double awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(options.urls().get(0) + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long giveUp = start + READY_WITHIN.toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // The server has not opened its port yet.
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(options.urls().get(0) + " was not ready within " + READY_WITHIN);
    }

    /** @param readySeconds what {@link #awaitReady()} waited; @param ready when it returned (System.nanoTime) */
    private Result run(ChatService chat, double readySeconds, long ready) throws Exception {
        RoomLayout everyone = new RoomLayout(1, options.users(), options.clients());
        RoomTraffic traffic = new RoomTraffic(options, chat, new RunText("coldstart"), everyone, room -> options.room(), 0,
                options.window());
        RoomTraffic.Result result = traffic.run();
        return new Result(options.label(), readySeconds, (traffic.postingFrom() - ready) / 1e9, result);
    }
}
