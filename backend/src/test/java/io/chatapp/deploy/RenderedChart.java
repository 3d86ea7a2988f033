package io.chatapp.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chart rendered by Helm (as {@code helm template} would), as parsed objects. Each rendering
 * is also written to {@code target/helm-rendered} for the manifest schema check.
 */
final class RenderedChart {

    static final Path CHARTS = Path.of("..", "helm");
    private static final Path OUT = Path.of("target", "helm-rendered");

    final List<Map<String, Object>> objects;

    private RenderedChart(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** Renders the chart with its default values, plus the values file if one is named. */
    static RenderedChart render(String chart, String valuesFile, Map<String, Object> overrides) {
        TemplateCommand template = new Helm(CHARTS.resolve(chart)).template().withName("chat").withNamespace("chatapp")
                .withKubeVersion("1.31.0");
        if (valuesFile != null) {
            template.withValuesFile(CHARTS.resolve("examples").resolve(valuesFile));
        }
        overrides.forEach(template::set);
        String manifest = template.call();
        if (overrides.isEmpty()) {
            write(chart + "-" + (valuesFile == null ? "default.yaml" : valuesFile), manifest);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifest)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) document;
                objects.add(object);
            }
        }
        return new RenderedChart(objects);
    }

    static RenderedChart render(String chart, String valuesFile) {
        return render(chart, valuesFile, Map.of());
    }

    private static void write(String name, String manifest) {
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve(name), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Walks a path of map keys and list indexes, e.g. {@code at(deployment, "spec", "template", "spec")}. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            Objects.requireNonNull(current, () -> "nothing at " + step);
            current = step instanceof Integer index ? ((List<Object>) current).get(index) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
