package io.chatapp.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The benchmark behind docs/benchmarks.adoc: after a warm-up, the floor and ingest at each of
 * {@code --rates} and ingest as fast as accepted, the floor and fan-out at each of
 * {@code --fanout-rates}, the floor and many rooms at each of {@code --rooms-rates} (with
 * {@code --typists}, each again with that many clients typing), the floor and ingest over
 * WebSockets at each of {@code --socket-rates}, then idle connections; every
 * point with the CPU each process spent per message. {@link ReportWriter}
 * turns the points into tables and plots.
 */
final class BenchmarkReport {

    /** @param connections null when the run asked for no clients */
    record Outcome(List<Measurement> measurements, ConnectionsScenario.Result connections) {
        boolean nothingLost() {
            return measurements.stream().allMatch(point -> point.lost() == 0 && point.misdelivered() == 0)
                    && (connections == null || connections.held());
        }
    }

    private final LoadOptions options;
    private final ChatService chat;
    private final ProcessCpu cpu;

    BenchmarkReport(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
        this.cpu = new ProcessCpu(options.pids());
    }

    Outcome run() throws Exception {
        warmUp();
        chat.awaitStored(chat.metric("chat_messages_ingested_total", "application").orElse(0));
        List<Measurement> points = new ArrayList<>();
        TreeSet<Integer> floorRates = new TreeSet<>(options.rates());
        floorRates.addAll(options.fanoutRates());
        floorRates.addAll(options.roomsRates());
        if (options.clients() > 0) {
            floorRates.addAll(options.socketRates());
        }
        for (int rate : floorRates) {
            points.addAll(floor(rate));
        }
        for (int rate : options.rates()) {
            points.add(ingest(rate));
        }
        points.add(ingest(0));
        for (int rate : options.rates()) {
            points.add(edit(rate));
        }
        for (int rate : options.fanoutRates()) {
            points.add(fanout(rate));
        }
        for (int rate : options.roomsRates()) {
            points.add(rooms(rate, 0));
            if (options.typists() > 0) {
                points.add(rooms(rate, options.typists()));
            }
        }
        ConnectionsScenario.Result connections = null;
        if (options.clients() > 0) {
            for (int rate : options.socketRates()) {
                points.addAll(socketIngest(rate));
            }
            connections = new ConnectionsScenario(options.withRate(1), chat).run();
            System.out.println(connections.report());
        }
        return new Outcome(points, connections);
    }

    /** Load before measuring, on every path a measurement takes: posting, delivery to the clients, and typing if measured. */
    private void warmUp() throws Exception {
        if (options.warmup().isZero()) {
            return;
        }
        Duration half = options.warmup().dividedBy(2);
        System.out.println("[report] warming up for " + options.warmup().toSeconds() + " s");
        new IngestScenario(options.withRate(0).withDuration(half), chat).run();
        int fastest = options.fanoutRates().stream().max(Integer::compare).orElse(options.rate());
        new FanoutScenario(options.withRate(fastest).withDuration(half), chat).run();
        if (options.typists() > 0) {
            int slowest = options.roomsRates().stream().min(Integer::compare).orElse(options.rate());
            new RoomsScenario(options.withRate(slowest).withDuration(half).withTypists(options.typists()), chat).run();
        }
    }

    private List<Measurement> floor(int rate) throws Exception {
        FloorScenario.Result floor = new FloorScenario(options.withRate(rate)).run();
        System.out.println(floor.report());
        double perSecond = floor.sent() / floor.seconds();
        return List.of(new Measurement("floor", rate, 0, perSecond, 0, floor.endToEnd(), floor.sent() - floor.received(), 0, 0,
                        Map.of()),
                new Measurement("floor-ack", rate, 0, perSecond, 0, floor.ack(), 0, 0, 0, Map.of()));
    }

    /**
     * Ingest at one rate, and then how long until the history has every message: the next
     * point starts only once the server has stored all, so that no point pays for another's
     * backlog.
     */
    private Measurement ingest(int rate) throws Exception {
        long storedBefore = chat.stored();
        long start = System.nanoTime();
        Map<String, Double> before = cpu.seconds();
        IngestScenario.Result ingest = new IngestScenario(options.withRate(rate), chat).run();
        Map<String, Double> after = cpu.seconds();
        long storedAt = chat.awaitStored(storedBefore + ingest.accepted());
        double storedPerSecond = ingest.accepted() / ((storedAt - start) / 1e9);
        System.out.println(ingest.report() + String.format(Locale.ROOT, "; stored %.0f/s", storedPerSecond));
        return new Measurement("ingest", rate, 0, ingest.perSecond(), 0, ingest.post(), 0, 0, storedPerSecond,
                ProcessCpu.millisPerMessage(before, after, ingest.accepted()));
    }

    /** Edits at one rate, of messages posted for the purpose: beside ingest at the same rate, what a change costs. */
    private Measurement edit(int rate) throws Exception {
        EditScenario.Result edit = new EditScenario(options.withRate(rate), chat).run();
        System.out.println(edit.report());
        return new Measurement("edit", rate, 0, edit.perSecond(), 0, edit.patch(), 0, 0, 0, edit.cpuMillisPerEdit());
    }

    private Measurement fanout(int rate) throws Exception {
        long storedBefore = chat.stored();
        FanoutScenario.Result fanout = new FanoutScenario(options.withRate(rate), chat).run();
        System.out.println(fanout.report());
        return delivery("fanout", rate, fanout.traffic(), storedBefore);
    }

    /** The rooms scenario at one rate, with that many clients typing meanwhile (a point of its own: "rooms-typing"). */
    private Measurement rooms(int rate, int typists) throws Exception {
        long storedBefore = chat.stored();
        RoomsScenario.Result rooms = new RoomsScenario(options.withRate(rate).withTypists(typists), chat).run();
        System.out.println(rooms.report());
        return delivery(typists == 0 ? "rooms" : "rooms-typing", rate, rooms.traffic(), storedBefore);
    }

    /**
     * Ingest over WebSockets at one rate, as the web app posts: a point of the latency from each
     * send to its ack ("socket"), and one of its delivery to the poster's own socket ("socket-receipt").
     */
    private List<Measurement> socketIngest(int rate) throws Exception {
        long storedBefore = chat.stored();
        RoomsScenario.Result ingest = new RoomsScenario(options.asSocketIngest().withRate(rate), chat).run();
        System.out.println(ingest.report().replaceFirst("^\\[rooms\\]", "[socket]"));
        RoomTraffic.Result traffic = ingest.traffic();
        Measurement receipt = delivery("socket-receipt", rate, traffic, storedBefore);
        long unanswered = traffic.sending().unanswered();
        return List.of(new Measurement("socket", rate, traffic.clients(), traffic.accepted() / traffic.seconds(), receipt.deliveriesPerSecond(),
                traffic.post(), traffic.lost() + unanswered, traffic.misdelivered(), 0, traffic.cpuMillisPerMessage()), receipt);
    }

    /** A point of posts delivered to clients, once the server has stored them all. */
    private Measurement delivery(String scenario, int rate, RoomTraffic.Result traffic, long storedBefore) throws Exception {
        chat.awaitStored(storedBefore + traffic.accepted());
        return new Measurement(scenario, rate, traffic.clients(), traffic.accepted() / traffic.seconds(),
                traffic.delivered() / traffic.seconds(), traffic.endToEnd(), traffic.lost(), traffic.misdelivered(), 0,
                traffic.cpuMillisPerMessage());
    }
}
