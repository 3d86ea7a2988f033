package io.chatapp.load;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers points of the rooms scenario run against one instance and against several, each
 * appended under its label ("one instance", "two instances") to {@code instances.csv}, then
 * {@code instances.adoc} (a table of them all) and {@code instances.png} (post-to-receipt
 * latency against the messages accepted a second, a line for each label and kind of posting)
 * drawn again from all of them. Against what was accepted rather than what was asked, so that
 * a configuration that takes less than asked shows it.
 */
final class InstancesWriter {

    static final String CSV = "instances.csv";
    static final String TABLE = "instances.adoc";
    static final String PLOT = "instances.png";

    private static final String HEADER = "label,posting,asked_per_s,clients,accepted_per_s,deliveries_per_s,p50_ms,p99_ms,post_p50_ms,"
            + "post_p99_ms,lost,misdelivered,refused,servers_cpu_ms_per_message";

    /**
     * One point, as read back.
     *
     * @param posting          {@code POST} or {@code socket} (a {@code send} frame, answered by an ack)
     * @param p50              post to receipt at the room's members
     * @param postP99          to the POST's answer or the send's ack
     * @param refused          sends the server refused (over the sockets)
     * @param serversCpuMillis the CPU every server process spent per message accepted, together
     */
    record Row(String label, String posting, int asked, int clients, double acceptedPerSecond, double deliveriesPerSecond, double p50,
               double p99, double postP50, double postP99, long lost, long misdelivered, long refused, double serversCpuMillis) {
    }

    private InstancesWriter() {
    }

    static void append(Path directory, String label, int asked, RoomTraffic.Result traffic) throws IOException {
        SocketSenders.Outcome sending = traffic.sending();
        long refused = sending == null ? 0 : sending.refused().values().stream().mapToLong(Long::longValue).sum();
        double serversCpu = traffic.cpuMillisPerMessage().entrySet().stream().filter(process -> process.getKey().startsWith("server"))
                .mapToDouble(Map.Entry::getValue).sum();
        String line = String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%.1f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%.3f", label,
                sending == null ? "POST" : "socket", asked, traffic.clients(), traffic.accepted() / traffic.seconds(),
                traffic.delivered() / traffic.seconds(), traffic.endToEnd().millisAt(50), traffic.endToEnd().millisAt(99),
                traffic.post().millisAt(50), traffic.post().millisAt(99), traffic.lost(), traffic.misdelivered(), refused, serversCpu);
        List<Row> rows = read(CsvFile.append(directory, CSV, HEADER, List.of(line)));
        Files.writeString(directory.resolve(TABLE), table(rows));
        plot(directory.resolve(PLOT), rows);
    }

    static List<Row> read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String[] cells : CsvFile.rows(csv)) {
            rows.add(new Row(cells[0], cells[1], Integer.parseInt(cells[2]), Integer.parseInt(cells[3]), Double.parseDouble(cells[4]),
                    Double.parseDouble(cells[5]), Double.parseDouble(cells[6]), Double.parseDouble(cells[7]), Double.parseDouble(cells[8]),
                    Double.parseDouble(cells[9]), Long.parseLong(cells[10]), Long.parseLong(cells[11]), Long.parseLong(cells[12]),
                    Double.parseDouble(cells[13])));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder adoc = new StringBuilder("[cols=\"2,1,10*>\",options=header]\n|===\n| Instances | Posting | Asked/s | Clients "
                + "| Accepted/s | Deliveries/s | p50 (ms) | p99 | Post answered p99 (ms) | Lost | Refused | CPU ms/msg: servers\n");
        for (Row row : rows) {
            adoc.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %d | %d | %.2f%n", row.label(),
                    row.posting(), row.asked(), row.clients(), row.acceptedPerSecond(), row.deliveriesPerSecond(), row.p50(), row.p99(),
                    row.postP99(), row.lost(), row.refused(), row.serversCpuMillis()));
        }
        return adoc.append("|===\n").toString();
    }

    private static void plot(Path file, List<Row> rows) throws IOException {
        XYChart chart = Charts.chart("One instance and more: post to receipt against the rate accepted", "messages accepted a second",
                "latency (ms, log scale)", Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<Row>> lines = new LinkedHashMap<>();
        rows.forEach(row -> lines.computeIfAbsent(row.label() + ", " + (row.posting().equals("socket") ? "sent over sockets" : "POSTed into rooms"),
                line -> new ArrayList<>()).add(row));
        lines.forEach((line, points) -> Charts.addP50AndP99(chart, line,
                points.stream().mapToDouble(row -> Math.max(1, row.acceptedPerSecond())).toArray(),
                points.stream().mapToDouble(Row::p50).toArray(), points.stream().mapToDouble(Row::p99).toArray()));
        Charts.save(chart, file);
    }
}
