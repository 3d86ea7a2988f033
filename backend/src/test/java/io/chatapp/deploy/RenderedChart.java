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
import java.util.stream.Stream;

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
        String manifest = template(CHARTS.resolve(chart), valuesFile, overrides);
        if (overrides.isEmpty()) {
            write(chart + "-" + (valuesFile == null ? "default.yaml" : valuesFile.replace("../", "").replace('/', '-')), manifest);
        }
        return parse(manifest);
    }

    static RenderedChart render(String chart, String valuesFile) {
        return render(chart, valuesFile, Map.of());
    }

    /**
     * Renders the chart's {@code helm test} hooks, which a rendering leaves out as Helm does: from
     * a copy of the chart in which they are plain objects.
     */
    static RenderedChart renderTests(String chart, String valuesFile) {
        try {
            Path copy = Files.createTempDirectory("chart-tests").resolve(chart);
            try (Stream<Path> files = Files.walk(CHARTS.resolve(chart))) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(CHARTS.resolve(chart).relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(file).replace(TEST_HOOK, RENDERED_TEST_HOOK));
                    }
                }
            }
            String manifest = template(copy, valuesFile, Map.of());
            write(chart + "-tests-" + (valuesFile == null ? "default.yaml" : valuesFile.replace("../", "").replace('/', '-')), manifest);
            return new RenderedChart(parse(manifest).objects.stream()
                    .filter(object -> at(object, "metadata", "annotations") instanceof Map<?, ?> annotations
                            && "test".equals(annotations.get("rendered-helm-hook"))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String TEST_HOOK = "helm.sh/hook: test";
    private static final String RENDERED_TEST_HOOK = "rendered-helm-hook: test";

    private static String template(Path chart, String valuesFile, Map<String, Object> overrides) {
        TemplateCommand template = new Helm(chart).template().withName("chat").withNamespace("chatapp")
                .withKubeVersion("1.31.0");
        if (valuesFile != null) {
            template.withValuesFile(CHARTS.resolve("examples").resolve(valuesFile));
        }
        overrides.forEach(template::set);
        return template.call();
    }

    private static RenderedChart parse(String manifest) {
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
