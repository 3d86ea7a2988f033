package io.chatapp.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a problem detail that names the field, and nothing is published. */
@MicroShedTest
public class ValidationIT {

    private static String token;

    @BeforeAll
    static void signIn() {
        token = DevIssuer.token("alice");
    }

    private static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = (JsonObject) Chat.parse(response.body());
        assertEquals(status, problem.getInt("status"));
        return problem;
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(error -> error.getString("field")).toList();
    }

    @ParameterizedTest(name = "{0} is named for {1}")
    @CsvSource(delimiter = '|', value = {
            "room            | {\"text\":\"hi\"}",
            "room            | {\"room\":\"General\",\"text\":\"hi\"}",
            "room            | {\"room\":\"has space\",\"text\":\"hi\"}",
            "room            | {\"room\":\"01234567890123456789012345678901234567890\",\"text\":\"hi\"}",
            "text            | {\"room\":\"general\"}",
            "text            | {\"room\":\"general\",\"text\":\"   \"}",
            "clientMessageId | {\"room\":\"general\",\"text\":\"hi\",\"clientMessageId\":\"\"}",
            "clientMessageId | {\"room\":\"general\",\"text\":\"hi\",\"clientMessageId\":\"with space\"}"})
    void eachInvalidFieldIsNamed(String field, String body) {
        JsonObject problem = problem(Http.postJson("/api/messages", body, token), 400);
        assertEquals(List.of(field), fields(problem));
        assertTrue(problem.getString("detail").startsWith(field + ":"), problem.getString("detail"));
    }

    @Test
    void textLongerThan4000CharactersIsNamed() {
        String body = Chat.body("general", "x".repeat(4001), null);
        assertEquals(List.of("text"), fields(problem(Http.postJson("/api/messages", body, token), 400)));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        JsonObject problem = problem(Http.postJson("/api/messages", "{\"room\":\"NO\",\"text\":\"\"}", token), 400);
        assertEquals(List.of("room", "text"), fields(problem));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        problem(Http.postJson("/api/messages", "{\"room\":", token), 400);
        problem(Http.postJson("/api/messages", "[1,2]", token), 400);
        problem(Http.postJson("/api/messages", "", token), 400);
    }

    @Test
    void aBodyThatIsNotJsonMediaTypeIsUnsupported() {
        HttpResponse<String> response = Http.send(Http.request("/api/messages", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        problem(response, 415);
    }

    @Test
    void aHugeBodyIsRefusedAsTooLarge() {
        String body = Chat.body("general", "x".repeat(200_000), null);
        problem(Http.postJson("/api/messages", body, token), 413);
    }

    @ParameterizedTest(name = "{0} is named for {1}")
    @CsvSource(delimiter = '|', value = {
            "room   | /api/messages",
            "room   | /api/messages?room=Bad%20Room",
            "limit  | /api/messages?room=general&limit=0",
            "limit  | /api/messages?room=general&limit=201",
            "before | /api/messages?room=general&before=not-an-id",
            "before | /api/messages?room=general&before=00000000-0000-0000-0000-000000000000"})
    void eachInvalidHistoryParameterIsNamed(String field, String path) {
        assertEquals(List.of(field), fields(problem(Http.get(path, token), 400)));
    }

    @Test
    void aLimitThatIsNotANumberIsABadRequest() {
        problem(Http.get("/api/messages?room=general&limit=many", token), 400);
    }
}
