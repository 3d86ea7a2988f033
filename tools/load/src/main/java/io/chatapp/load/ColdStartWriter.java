package io.chatapp.load;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers cold-start runs in a directory: each run's windows appended to {@code cold-start.csv},
 * then {@code cold-start.adoc} (a table, a column pair per run) and {@code cold-start.png} (p50
 * and p99 of each run against the time since posting began) drawn again from all of them.
 */
final class ColdStartWriter {

    static final String CSV = "cold-start.csv";
    static final String TABLE = "cold-start.adoc";
    static final String PLOT = "cold-start.png";
    private static final String HEADER = "label,from_s,p50_ms,p99_ms,max_ms,samples";

    /** One window of one run, as read back. */
    record Row(String label, double fromSeconds, double p50, double p99, double max, long samples) {
    }

    private ColdStartWriter() {
    }

    static void append(Path directory, ColdStartScenario.Result result) throws IOException {
        Files.createDirectories(directory);
        Path csv = directory.resolve(CSV);
        if (!Files.exists(csv)) {
            Files.writeString(csv, HEADER + "\n");
        }
        Files.write(csv, ColdStartScenario.csvLines(result), StandardOpenOption.APPEND);
        Map<String, List<Row>> runs = read(csv);
        Files.writeString(directory.resolve(TABLE), table(runs));
        plot(directory.resolve(PLOT), runs);
    }

    static Map<String, List<Row>> read(Path csv) throws IOException {
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            String[] cells = line.split(",");
            Row row = new Row(cells[0], Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4]), Long.parseLong(cells[5]));
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

    private static void plot(Path file, Map<String, List<Row>> runs) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(540).title("From ready: fan-out latency, window by window")
                .xAxisTitle("seconds since posting began").yAxisTitle("latency (ms, log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        runs.forEach((label, rows) -> {
            double[] from = rows.stream().mapToDouble(Row::fromSeconds).toArray();
            XYSeries p50 = chart.addSeries(label + " p50", from, rows.stream().mapToDouble(row -> Math.max(0.001, row.p50())).toArray());
            p50.setMarker(SeriesMarkers.CIRCLE);
            p50.setLineStyle(SeriesLines.DASH_DASH);
            chart.addSeries(label + " p99", from, rows.stream().mapToDouble(row -> Math.max(0.001, row.p99())).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
        });
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
