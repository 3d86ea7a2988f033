package io.chatapp.load;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers connections runs in a directory: the server's memory as each run's connections opened,
 * appended under the run's label to {@code connections.csv}, then {@code connections.png} (heap
 * used and resident set, both after a full collection, against the connections open, with the
 * target's 1 GB) drawn again from all of them.
 */
final class ConnectionsWriter {

    static final String CSV = "connections.csv";
    static final String PLOT = "connections.png";
    /** Issue 18's target: 10,000 idle WebSockets on one instance within this resident set. */
    static final double RSS_TARGET_MB = 1024;

    private static final String HEADER = "label,open,heap_mb,rss_mb";

    /** The memory of one step of one run, as read back; the RSS is NaN when it was not known. */
    record Row(String label, int open, double heapMb, double rssMb) {
    }

    private ConnectionsWriter() {
    }

    static void append(Path directory, String label, List<ConnectionsScenario.Step> steps) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ConnectionsScenario.Step step : steps) {
            lines.add(String.format(Locale.ROOT, "%s,%d,%.1f,%s", label, step.open(), step.memory().heapMb(),
                    step.memory().rssMb().isPresent() ? Long.toString(step.memory().rssMb().getAsLong()) : ""));
        }
        plot(directory.resolve(PLOT), read(CsvFile.append(directory, CSV, HEADER, lines)));
    }

    static Map<String, List<Row>> read(Path csv) throws IOException {
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        for (String[] cells : CsvFile.rows(csv)) {
            Row row = new Row(cells[0], Integer.parseInt(cells[1]), Double.parseDouble(cells[2]),
                    cells[3].isEmpty() ? Double.NaN : Double.parseDouble(cells[3]));
            runs.computeIfAbsent(row.label(), label -> new ArrayList<>()).add(row);
        }
        return runs;
    }

    private static void plot(Path file, Map<String, List<Row>> runs) throws IOException {
        XYChart chart = Charts.chart("Idle connections on one instance: its memory as they open", "WebSocket connections open",
                "MB, after a full collection", Styler.LegendPosition.OutsideS);
        int most = 0;
        double highest = RSS_TARGET_MB;
        for (Map.Entry<String, List<Row>> run : runs.entrySet()) {
            List<Row> rows = run.getValue();
            double[] open = rows.stream().mapToDouble(Row::open).toArray();
            most = Math.max(most, rows.stream().mapToInt(Row::open).max().orElse(0));
            highest = Math.max(highest, rows.stream().mapToDouble(row -> Double.isNaN(row.rssMb()) ? row.heapMb() : row.rssMb()).max()
                    .orElse(0));
            List<Row> withRss = rows.stream().filter(row -> !Double.isNaN(row.rssMb())).toList();
            if (!withRss.isEmpty()) {
                chart.addSeries(run.getKey() + ": resident set", withRss.stream().mapToDouble(Row::open).toArray(),
                        withRss.stream().mapToDouble(Row::rssMb).toArray()).setMarker(SeriesMarkers.CIRCLE);
            }
            XYSeries heap = chart.addSeries(run.getKey() + ": heap used", open, rows.stream().mapToDouble(Row::heapMb).toArray());
            heap.setMarker(SeriesMarkers.CIRCLE);
            heap.setLineStyle(SeriesLines.DASH_DASH);
        }
        if (most == 0) {
            return;
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(highest * 1.1);
        XYSeries target = chart.addSeries("target: resident set", new double[] {0, most}, new double[] {RSS_TARGET_MB, RSS_TARGET_MB});
        target.setMarker(SeriesMarkers.NONE);
        target.setLineStyle(SeriesLines.DOT_DOT);
        Charts.save(chart, file);
    }
}
