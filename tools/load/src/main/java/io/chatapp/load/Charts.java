package io.chatapp.load;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What the plots drawn from points read back have in common. */
final class Charts {

    private Charts() {
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
