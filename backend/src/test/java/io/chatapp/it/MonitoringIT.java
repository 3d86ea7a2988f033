package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard and the alerts against a real Prometheus scraping the server under test
 * ({@code it.prometheus.url}, started by scripts/test_backend.sh with the chart's alert rules):
 * after some traffic, every panel's query returns data, and every rule evaluates without error.
 */
public class MonitoringIT {

    private static final String PROMETHEUS = System.getProperty("it.prometheus.url", "");
    private static final Path DASHBOARD = Path.of("..", "helm", "chatapp-backend", "files", "grafana-dashboard.json");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyDashboardPanelHasDataAndEveryAlertEvaluates() throws Exception {
        Assumptions.assumeFalse(PROMETHEUS.isBlank(), "no Prometheus scrapes the server under test");
        Chat.awaitPipelineReady();
        Chat alice = Chat.as("alice");
        String room = Chat.freshRoom("monitoring");
        try (RecordingSocket socket = alice.connect()) {
            for (int i = 0; i < 5; i++) {
                JsonObject posted = alice.post(room, "watched " + i);
                socket.awaitMessage(posted.getString("id"), Duration.ofSeconds(10));
                alice.awaitStored(room, posted.getString("id"));
            }
            List<String> queries = panelQueries();
            assertTrue(queries.size() >= 15, "the dashboard has only " + queries.size() + " queries");
            for (String query : queries) {
                JsonArray result = Chat.await("data for the panel query " + query, Duration.ofSeconds(60), () -> {
                    JsonArray found = query(query);
                    return found.isEmpty() ? null : found;
                });
                assertTrue(!result.isEmpty(), query);
            }
        }
        JsonObject rules = get("/api/v1/rules").getJsonObject("data");
        List<String> evaluated = new ArrayList<>();
        for (JsonObject group : rules.getJsonArray("groups").getValuesAs(JsonObject.class)) {
            for (JsonObject rule : group.getJsonArray("rules").getValuesAs(JsonObject.class)) {
                assertEquals("ok", rule.getString("health"), rule.toString());
                evaluated.add(rule.getString("name"));
            }
        }
        assertEquals(List.of("ChatBackendNotReady", "ChatConsumerLagGrowing", "ChatDeadLetters", "ChatHttpErrors", "ChatLatencyHigh"), evaluated);
    }

    private static List<String> panelQueries() throws IOException {
        JsonObject dashboard = Json.createReader(new StringReader(Files.readString(DASHBOARD))).readObject();
        List<String> queries = new ArrayList<>();
        for (JsonObject panel : dashboard.getJsonArray("panels").getValuesAs(JsonObject.class)) {
            for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
                queries.add(target.getString("expr"));
            }
        }
        return queries;
    }

    /** The instant query's series, each with a number (not NaN: a quantile of no traffic is no data). */
    private static JsonArray query(String promql) {
        JsonArray result = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).getJsonObject("data").getJsonArray("result");
        return result.stream().map(JsonObject.class::cast).anyMatch(series -> !"NaN".equals(series.getJsonArray("value").getString(1)))
                ? result : JsonArray.EMPTY_JSON_ARRAY;
    }

    private static JsonObject get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PROMETHEUS + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            assertEquals("success", body.getString("status"), response.body());
            return body;
        } catch (IOException e) {
            throw new AssertionError("Prometheus at " + PROMETHEUS + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
