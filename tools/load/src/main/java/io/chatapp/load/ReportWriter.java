package io.chatapp.load;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes a benchmark run into a directory: {@code results.csv} (every point), {@code results.adoc}
 * (the tables docs/benchmarks.adoc includes) and plots of latency percentiles against load,
 * {@code ingest.png}, {@code fanout.png}, {@code rooms.png} and {@code socket.png}, each with the Kafka floor beside
 * it, and the server's CPU per message in each of them, {@code cpu.png}.
 */
final class ReportWriter {

    static final String CSV = "results.csv";
    static final String TABLES = "results.adoc";
    static final String INGEST_PLOT = "ingest.png";
    static final String FANOUT_PLOT = "fanout.png";
    static final String ROOMS_PLOT = "rooms.png";
    static final String SOCKET_PLOT = "socket.png";
    static final String CPU_PLOT = "cpu.png";
    /** Issue 18's target for the server's CPU per message sent over a WebSocket. */
    static final double SERVER_CPU_TARGET_MS = 0.1;

    private static final double[] PERCENTILES = {50, 99, 99.9};

    private final BenchmarkReport.Outcome outcome;
    private final String context;
    private final Set<String> processes = new LinkedHashSet<>();

    /** @param context what the run was, for the tables' heading: machine, settings, command */
    ReportWriter(BenchmarkReport.Outcome outcome, String context) {
        this.outcome = outcome;
        this.context = context;
        outcome.measurements().forEach(point -> processes.addAll(point.cpuMillisPerMessage().keySet()));
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(CSV), csv());
        Files.writeString(directory.resolve(TABLES), tables());
        plot(directory.resolve(INGEST_PLOT), "Ingest: POST latency against the rate asked", List.of(new Line("ingest", "POST")),
                "floor-ack", "Kafka produce to ack");
        plot(directory.resolve(FANOUT_PLOT), "Fan-out to " + clients("fanout") + " clients: post to receipt against the rate asked",
                List.of(new Line("fanout", "post to receipt")), "floor", "Kafka produce to consume");
        plot(directory.resolve(ROOMS_PLOT), "Many rooms on " + clients("rooms") + " clients: post to receipt against the rate asked",
                List.of(new Line("rooms", "post to receipt at members"), new Line("rooms-typing", "the same, everyone typing")),
                "floor", "Kafka produce to consume");
        plot(directory.resolve(SOCKET_PLOT), "WebSocket ingest from " + clients("socket") + " clients: send to ack against the rate asked",
                List.of(new Line("socket", "send to ack")), "floor-ack", "Kafka produce to ack");
        plotServerCpu(directory.resolve(CPU_PLOT));
    }

    String csv() {
        StringBuilder csv = new StringBuilder("scenario,asked_per_s,clients,messages_per_s,deliveries_per_s,p50_ms,p99_ms,p99_9_ms,max_ms,lost,"
                + "misdelivered,stored_per_s");
        processes.forEach(process -> csv.append(",cpu_ms_per_message_").append(process));
        csv.append('\n');
        for (Measurement point : outcome.measurements()) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f,%.3f,%.3f,%.3f,%.3f,%d,%d,%.1f", point.scenario(), point.askedRate(),
                    point.clients(), point.messagesPerSecond(), point.deliveriesPerSecond(), point.latency().millisAt(50),
                    point.latency().millisAt(99), point.latency().millisAt(99.9), point.latency().maxMillis(), point.lost(),
                    point.misdelivered(), point.storedPerSecond()));
            processes.forEach(process -> {
                Double millis = point.cpuMillisPerMessage().get(process);
                csv.append(',').append(millis == null ? "" : String.format(Locale.ROOT, "%.3f", millis));
            });
            csv.append('\n');
        }
        return csv.toString();
    }

    String tables() {
        StringBuilder adoc = new StringBuilder("// Written by the load harness (scripts/benchmark.sh); do not edit.\n");
        adoc.append(context).append("\n\n");
        adoc.append(".The floor: plain Kafka on the same broker (acks=all, idempotent)\n");
        adoc.append("[cols=\"8*>\",options=header]\n|===\n| Asked/s | Sent/s | Produce to consume p50 (ms) | p99 | p99.9 | max "
                + "| Produce to ack p50 (ms) | p99\n");
        for (Measurement floor : points("floor"::equals)) {
            Measurement ack = point("floor-ack", floor.askedRate());
            adoc.append(row(asked(floor), rate(floor.messagesPerSecond()), ms(floor, 50), ms(floor, 99), ms(floor, 99.9),
                    max(floor), ack == null ? "" : ms(ack, 50), ack == null ? "" : ms(ack, 99)));
        }
        adoc.append("|===\n\n");

        adoc.append(".Ingest: POST /api/messages, answered 202 once Kafka has the message\n");
        adoc.append(header(List.of("Asked/s", "Accepted/s", "POST p50 (ms)", "p99", "p99.9", "max", "Kafka ack p50 (ms)", "Stored/s")));
        for (Measurement ingest : points("ingest"::equals)) {
            Measurement ack = point("floor-ack", ingest.askedRate());
            List<String> cells = new ArrayList<>(List.of(asked(ingest), rate(ingest.messagesPerSecond()), ms(ingest, 50), ms(ingest, 99),
                    ms(ingest, 99.9), max(ingest), ack == null ? "" : ms(ack, 50), rate(ingest.storedPerSecond())));
            cells.addAll(cpu(ingest));
            adoc.append(row(cells.toArray(String[]::new)));
        }
        adoc.append("|===\n\n");

        if (!points("socket"::equals).isEmpty()) {
            adoc.append(".Ingest over WebSockets: a send frame on the poster's socket, answered by ack once Kafka has the message; ")
                    .append(clients("socket")).append(" clients, each user alone in a room, so each message also comes back to its "
                            + "sender's socket\n");
            adoc.append(header(List.of("Asked/s", "Acked/s", "Ack p50 (ms)", "p99", "p99.9", "max", "Kafka ack p50 (ms)", "Receipt p50 (ms)",
                    "Receipt p99", "Lost", "Floor p50 (ms)", "Receipt p50 ÷ floor p50")));
            for (Measurement socket : points("socket"::equals)) {
                Measurement ack = point("floor-ack", socket.askedRate());
                Measurement receipt = point("socket-receipt", socket.askedRate());
                Measurement floor = point("floor", socket.askedRate());
                List<String> cells = new ArrayList<>(List.of(asked(socket), rate(socket.messagesPerSecond()), ms(socket, 50), ms(socket, 99),
                        ms(socket, 99.9), max(socket), ack == null ? "" : ms(ack, 50), receipt == null ? "" : ms(receipt, 50),
                        receipt == null ? "" : ms(receipt, 99), String.valueOf(socket.lost()), floor == null ? "" : ms(floor, 50),
                        receipt == null || floor == null ? "" : ratioOfP50s(receipt, floor)));
                cells.addAll(cpu(socket));
                adoc.append(row(cells.toArray(String[]::new)));
            }
            adoc.append("|===\n\n");
        }

        adoc.append(".Edit: PATCH /api/messages/{id} by the sender, answered once Kafka has the change, beside a post at the same rate\n");
        adoc.append(header(List.of("Asked/s", "Edited/s", "PATCH p50 (ms)", "p99", "p99.9", "max", "POST p50 (ms)", "POST p99")));
        for (Measurement edit : points("edit"::equals)) {
            Measurement post = point("ingest", edit.askedRate());
            List<String> cells = new ArrayList<>(List.of(asked(edit), rate(edit.messagesPerSecond()), ms(edit, 50), ms(edit, 99),
                    ms(edit, 99.9), max(edit), post == null ? "" : ms(post, 50), post == null ? "" : ms(post, 99)));
            cells.addAll(cpu(edit));
            adoc.append(row(cells.toArray(String[]::new)));
        }
        adoc.append("|===\n\n");

        adoc.append(".Fan-out: post to receipt at each of ").append(clients("fanout")).append(" WebSocket clients\n");
        deliveries(adoc, "fanout", false);
        adoc.append("\n.Many rooms: post to receipt at each client of the room's members, ").append(clients("rooms"))
                .append(" WebSocket clients\n");
        deliveries(adoc, "rooms", true);
        if (!points("rooms-typing"::equals).isEmpty()) {
            adoc.append("\n.The same rooms while the typists type (see above), each telling its room every 2 s: typing frames "
                    + "on chat-signals, beside the messages\n");
            deliveries(adoc, "rooms-typing", true);
        }

        ConnectionsScenario.Result connections = outcome.connections();
        if (connections != null) {
            adoc.append("\n.Connections: idle WebSocket clients on one instance\n[cols=\"1\",options=header]\n|===\n| Result\n| ")
                    .append(connections.report().replaceFirst("^\\[connections\\] ", "")).append("\n|===\n");
        }
        return adoc.toString();
    }

    /** A table of a scenario that delivers to clients, each point beside the floor at its rate. */
    private void deliveries(StringBuilder adoc, String scenario, boolean misdelivery) {
        List<String> columns = new ArrayList<>(List.of("Asked/s", "Accepted/s", "Deliveries/s", "p50 (ms)", "p99", "p99.9", "max",
                "Lost"));
        if (misdelivery) {
            columns.add("Misdelivered");
        }
        columns.addAll(List.of("Floor p50 (ms)", "p50 ÷ floor p50"));
        adoc.append(header(columns));
        for (Measurement point : points(scenario::equals)) {
            Measurement floor = point("floor", point.askedRate());
            List<String> cells = new ArrayList<>(List.of(asked(point), rate(point.messagesPerSecond()), rate(point.deliveriesPerSecond()),
                    ms(point, 50), ms(point, 99), ms(point, 99.9), max(point), Long.toString(point.lost())));
            if (misdelivery) {
                cells.add(Long.toString(point.misdelivered()));
            }
            cells.add(floor == null ? "" : ms(floor, 50));
            cells.add(floor == null ? "" : ratioOfP50s(point, floor));
            cells.addAll(cpu(point));
            adoc.append(row(cells.toArray(String[]::new)));
        }
        adoc.append("|===\n");
    }

    private static String ratioOfP50s(Measurement point, Measurement floor) {
        return String.format(Locale.ROOT, "%.1f", point.latency().millisAt(50) / floor.latency().millisAt(50));
    }

    private String header(List<String> columns) {
        List<String> all = new ArrayList<>(columns);
        processes.forEach(process -> all.add("CPU ms/msg: " + process));
        return "[cols=\"" + all.size() + "*>\",options=header]\n|===\n" + row(all.toArray(String[]::new));
    }

    private List<String> cpu(Measurement point) {
        List<String> cells = new ArrayList<>();
        processes.forEach(process -> {
            Double millis = point.cpuMillisPerMessage().get(process);
            cells.add(millis == null ? "" : String.format(Locale.ROOT, "%.2f", millis));
        });
        return cells;
    }

    /** A scenario's points, drawn as percentile lines under a label. */
    private record Line(String scenario, String label) {
    }

    private void plot(Path file, String title, List<Line> lines, String floorScenario, String floorLabel) throws IOException {
        XYChart chart = againstRateAsked(title, "latency (ms, log scale)", Styler.LegendPosition.InsideNW);
        boolean plotted = false;
        for (Line line : lines) {
            plotted |= addPercentiles(chart, points(line.scenario()::equals), line.label(), false);
        }
        String scenario = lines.get(0).scenario();
        List<Measurement> floors = new ArrayList<>();
        points(floorScenario::equals).forEach(floor -> {
            if (point(scenario, floor.askedRate()) != null) {
                floors.add(floor);
            }
        });
        addPercentiles(chart, floors, floorLabel, true);
        if (plotted) {
            Charts.save(chart, file);
        }
    }

    /** The server's CPU per message of each scenario against the rate asked, and the target for a WebSocket send. */
    private void plotServerCpu(Path file) throws IOException {
        XYChart chart = againstRateAsked("The server's CPU per message against the rate asked", "server CPU per message (ms, log scale)",
                Styler.LegendPosition.OutsideE);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (Line line : List.of(new Line("ingest", "POST"), new Line("socket", "send over a WebSocket"),
                new Line("rooms", "many rooms (POST, 10 deliveries)"), new Line("fanout", "fan-out (POST, a delivery to every client)"))) {
            List<Measurement> measured = points(line.scenario()::equals).stream()
                    .filter(point -> point.askedRate() > 0 && point.cpuMillisPerMessage().get("server") != null).toList();
            if (measured.isEmpty()) {
                continue;
            }
            double[] rates = measured.stream().mapToDouble(Measurement::askedRate).toArray();
            lowest = Math.min(lowest, Arrays.stream(rates).min().orElseThrow());
            highest = Math.max(highest, Arrays.stream(rates).max().orElseThrow());
            chart.addSeries(line.label(), rates, measured.stream().mapToDouble(point -> point.cpuMillisPerMessage().get("server")).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        if (highest == 0) {
            return;
        }
        XYSeries target = chart.addSeries("target for a WebSocket send", new double[] {lowest, highest},
                new double[] {SERVER_CPU_TARGET_MS, SERVER_CPU_TARGET_MS});
        target.setMarker(SeriesMarkers.NONE);
        target.setLineStyle(SeriesLines.DASH_DASH);
        Charts.save(chart, file);
    }

    /** A chart of something against the rate asked, both on log scales, as every plot of the report is. */
    private static XYChart againstRateAsked(String title, String yAxisTitle, Styler.LegendPosition legend) {
        XYChart chart = Charts.chart(title, "messages a second asked", yAxisTitle, legend);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    private static boolean addPercentiles(XYChart chart, List<Measurement> points, String label, boolean dashed) {
        List<Measurement> paced = points.stream().filter(point -> point.askedRate() > 0).toList();
        if (paced.isEmpty()) {
            return false;
        }
        double[] rates = paced.stream().mapToDouble(Measurement::askedRate).toArray();
        for (double percentile : dashed ? new double[] {50, 99} : PERCENTILES) {
            // A log axis cannot show 0: latencies below a microsecond are drawn at one.
            double[] millis = paced.stream().mapToDouble(point -> Math.max(0.001, point.latency().millisAt(percentile))).toArray();
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s p%s", label, percentile == 99.9 ? "99.9" : (int) percentile),
                    rates, millis);
            series.setMarker(SeriesMarkers.CIRCLE);
            if (dashed) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return true;
    }

    private List<Measurement> points(Predicate<String> scenario) {
        return outcome.measurements().stream().filter(point -> scenario.test(point.scenario())).toList();
    }

    private Measurement point(String scenario, int askedRate) {
        return points(scenario::equals).stream().filter(point -> point.askedRate() == askedRate).findFirst().orElse(null);
    }

    private int clients(String scenario) {
        return points(scenario::equals).stream().mapToInt(Measurement::clients).max().orElse(0);
    }

    private static String asked(Measurement point) {
        return point.askedRate() == 0 ? "as fast as accepted" : Integer.toString(point.askedRate());
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String ms(Measurement point, double percentile) {
        return String.format(Locale.ROOT, "%.2f", point.latency().millisAt(percentile));
    }

    private static String max(Measurement point) {
        return String.format(Locale.ROOT, "%.2f", point.latency().maxMillis());
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder();
        for (String cell : cells) {
            row.append("| ").append(cell).append(' ');
        }
        return row.toString().stripTrailing() + "\n";
    }
}
