package io.chatapp.client;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of the server's {@code /metrics}, in the Prometheus text format. */
public final class MetricsText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)\\})? (\\S+)", Pattern.MULTILINE);

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsText(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            samples.add(new Sample(sample.group(1), sample.group(2) == null ? "" : sample.group(2), Double.parseDouble(sample.group(3))));
        }
        return new MetricsText(samples);
    }

    /** The sum over all series of the metric (such as every outcome of a counter); empty when it has none. */
    public OptionalDouble sum(String name) {
        return samples.stream().filter(sample -> sample.name.equals(name)).mapToDouble(Sample::value)
                .reduce(Double::sum);
    }

    /**
     * The value of the first series of the metric whose labels contain the text given (such as
     * {@code outcome="stored"}; empty matches any); 0 when there is none yet, as a counter that
     * was never incremented.
     */
    public double value(String name, String labelsContaining) {
        return samples.stream().filter(sample -> sample.name.equals(name) && sample.labels.contains(labelsContaining))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }

    /** Whether a series of the metric whose labels contain the text given is exposed at all. */
    public boolean has(String name, String labelsContaining) {
        return samples.stream().anyMatch(sample -> sample.name.equals(name) && sample.labels.contains(labelsContaining));
    }
}
