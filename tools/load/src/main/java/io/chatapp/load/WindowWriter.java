package io.chatapp.load;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers runs measured window by window in a directory: each run's windows appended under its
 * label to {@code <name>.csv} (with the part of the latency after the server stamped each message),
 * then {@code <name>.adoc} (a table, a column pair per run) and
 * {@code <name>.png} (p50 and p99 of each run against the time since posting began) drawn again
 * from all of them.
 */
final class WindowWriter {

    static final WindowWriter COLD_START = new WindowWriter("cold-start", "From ready: fan-out latency, window by window");
    static final WindowWriter SOAK = new WindowWriter("soak", "Held: many rooms' latency, window by window");

    private static final String HEADER = "label,from_s,p50_ms,p99_ms,max_ms,samples,after_stamp_p50_ms,after_stamp_p99_ms";

    /**
     * The latency of the messages due in one window, which began this long after posting did.
     *
     * @param afterStamp the part of it from when the server stamped each message (having taken
     *                   its post) until its receipt: Kafka, the broadcast and the socket
     */
    record Window(double fromSeconds, Latency latency, Latency afterStamp) {
    }

    /** One window of one run, as read back; the after-stamp figures are NaN in a file written without them. */
    record Row(String label, double fromSeconds, double p50, double p99, double max, long samples, double afterStampP50,
               double afterStampP99) {
    }

    private final String name;
    private final String title;

    private WindowWriter(String name, String title) {
        this.name = name;
        this.title = title;
    }

    /** Latencies measured window by window, each window this long, the first from when posting began. */
    static List<Window> of(List<Latency> latencies, List<Latency> afterStamp, Duration window) {
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < latencies.size(); i++) {
            windows.add(new Window(i * window.toMillis() / 1000.0, latencies.get(i), afterStamp.get(i)));
        }
        return windows;
    }

    void append(Path directory, String label, List<Window> windows) throws IOException {
        Map<String, List<Row>> runs = read(CsvFile.append(directory, name + ".csv", HEADER, csvLines(label, windows)));
        Files.writeString(directory.resolve(name + ".adoc"), table(runs));
        plot(directory.resolve(name + ".png"), runs);
    }

    /** The run's windows as lines of the CSV: label, from (s), p50, p99, max (ms), samples, after-stamp p50 and p99 (ms). */
    private static List<String> csvLines(String label, List<Window> windows) {
        List<String> lines = new ArrayList<>();
        for (Window each : windows) {
            Latency latency = each.latency();
            lines.add(String.format(Locale.ROOT, "%s,%.0f,%.2f,%.2f,%.2f,%d,%.2f,%.2f", label, each.fromSeconds(), latency.millisAt(50),
                    latency.millisAt(99), latency.maxMillis(), latency.count(), each.afterStamp().millisAt(50),
                    each.afterStamp().millisAt(99)));
        }
        return lines;
    }

    static Map<String, List<Row>> read(Path csv) throws IOException {
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        for (String[] cells : CsvFile.rows(csv)) {
            boolean stamped = cells.length >= 8;
            Row row = new Row(cells[0], Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4]), Long.parseLong(cells[5]), stamped ? Double.parseDouble(cells[6]) : Double.NaN,
                    stamped ? Double.parseDouble(cells[7]) : Double.NaN);
            runs.computeIfAbsent(row.label(), label -> new ArrayList<>()).add(row);
        }
        return runs;
    }

    static String table(Map<String, List<Row>> runs) {
        List<String> labels = List.copyOf(runs.keySet());
        StringBuilder adoc = new StringBuilder("[cols=\"" + (1 + 2 * labels.size()) + "*>\",options=header]\n|===\n| from (s)");
        labels.forEach(label -> adoc.append(" | ").append(label).append(" p50 (ms) | ").append(label).append(" p99 (ms)"));
        adoc.append('\n');
        int windows = runs.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < windows; i++) {
            int index = i;
            Row first = runs.values().stream().filter(rows -> rows.size() > index).findFirst().orElseThrow().get(index);
            adoc.append(String.format(Locale.ROOT, "| %.0f", first.fromSeconds()));
            for (String label : labels) {
                List<Row> rows = runs.get(label);
                adoc.append(rows.size() > i ? String.format(Locale.ROOT, " | %.1f | %.1f", rows.get(i).p50(), rows.get(i).p99()) : " | | ");
            }
            adoc.append('\n');
        }
        return adoc.append("|===\n").toString();
    }

    private void plot(Path file, Map<String, List<Row>> runs) throws IOException {
        XYChart chart = Charts.chart(title, "seconds since posting began", "latency (ms, log scale)", Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(true);
        runs.forEach((label, rows) -> Charts.addP50AndP99(chart, label, rows.stream().mapToDouble(Row::fromSeconds).toArray(),
                rows.stream().mapToDouble(Row::p50).toArray(), rows.stream().mapToDouble(Row::p99).toArray()));
        Charts.save(chart, file);
    }
}
