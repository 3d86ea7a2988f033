package io.chatapp.load;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/** What every plot of the harness has in common: its size and background, how it is saved, how a line's p50 and p99 are drawn. */
final class Charts {

    private Charts() {
    }

    /** A chart of the size and background every plot has, its legend where given. */
    static XYChart chart(String title, String xAxisTitle, String yAxisTitle, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** A line's p50 (dashed) and p99 against x; latencies below a microsecond are drawn at one, as a log axis cannot show 0. */
    static void addP50AndP99(XYChart chart, String line, double[] x, double[] p50Millis, double[] p99Millis) {
        XYSeries p50 = chart.addSeries(line + " p50", x, atLeastAMicrosecond(p50Millis));
        p50.setMarker(SeriesMarkers.CIRCLE);
        p50.setLineStyle(SeriesLines.DASH_DASH);
        chart.addSeries(line + " p99", x, atLeastAMicrosecond(p99Millis)).setMarker(SeriesMarkers.CIRCLE);
    }

    private static double[] atLeastAMicrosecond(double[] millis) {
        double[] drawn = new double[millis.length];
        for (int i = 0; i < millis.length; i++) {
            drawn[i] = Math.max(0.001, millis[i]);
        }
        return drawn;
    }
}
