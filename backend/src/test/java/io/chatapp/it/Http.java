package io.chatapp.it;

import io.chatapp.client.ChatClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain HTTP to the server, for what the typed client hides: raw statuses, headers, non-API paths. HTTP/1.1, as browsers
 * speak to it over plain HTTP, so that what the server logs does not depend on whether a connection was upgraded to h2c.
 */
final class Http {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
        try {
            return ChatClient.of(server).metrics("application").value(name, tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server exposes a series of the metric whose labels contain the text given. */
    static boolean hasMetric(String name, String tags) {
        try {
            return ChatClient.of(TestStack.server()).metrics("application").has(name, tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
