package io.chatapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP to the server, for what the typed client hides: raw statuses, headers, non-API paths. */
final class Http {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Http() {
    }

    static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** The value of one application metric, as Prometheus text exposes it; 0 when it has none yet. */
    static double metric(String name, String tags) {
        return metric(TestStack.server(), name, tags);
    }

    /** The same, from a server of its own (the fault suite runs two). */
    static double metric(URI server, String name, String tags) {
        String text = send(HttpRequest.newBuilder(server.resolve("/metrics?scope=application")).timeout(Duration.ofSeconds(5))
                .GET().build()).body();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(text);
        while (matcher.find()) {
            if (tags.isEmpty() || matcher.group(1).contains(tags)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    static HttpResponse<String> postJson(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestStack.server().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
