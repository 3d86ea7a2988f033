package io.chatapp.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every response carries the browser-side defences, and the API answers cross-origin calls
 * only from the configured origins (the test server allows {@code http://cors-allowed.example}).
 */
@MicroShedTest
public class WebSecurityIT {

    private static final String ALLOWED = "http://cors-allowed.example";
    private static final String FOREIGN = "http://evil.example";
    private static String token;

    @BeforeAll
    static void signIn() {
        token = DevIssuer.token("alice");
    }

    private static void assertDefences(HttpResponse<String> response) {
        String what = response.request().uri() + " (" + response.statusCode() + ")";
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), what);
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), what);
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), what);
        assertFalse(response.headers().firstValue("X-Powered-By").isPresent(), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/config.js", "/api/rooms", "/api/messages?room=general", "/api/messages?room=NOT%20VALID",
            "/no-such-page", "/health/ready", "/metrics"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        assertDefences(Http.get(path, token));
        assertDefences(Http.get(path, null));
    }

    @Test
    void theWebAppMayOnlyTalkToItsServerAndTheIssuer() {
        String policy = Http.get("/", null).headers().firstValue("Content-Security-Policy").orElse("");
        String issuerOrigin = URI.create(TestStack.issuer()).resolve("/").toString().replaceAll("/$", "");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self' " + issuerOrigin), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> response = preflight(ALLOWED);
        assertEquals(204, response.statusCode());
        assertEquals(ALLOWED, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        HttpResponse<String> response = preflight(FOREIGN);
        assertEquals(403, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void onlyAnAllowedOriginMayReadAnswers() {
        HttpResponse<String> allowed = Http.send(Http.request("/api/rooms", token).header("Origin", ALLOWED).GET().build());
        assertEquals(200, allowed.statusCode());
        assertEquals(ALLOWED, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> foreign = Http.send(Http.request("/api/rooms", token).header("Origin", FOREIGN).GET().build());
        assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertFalse(foreign.headers().allValues("Access-Control-Allow-Credentials").contains("true"));
    }

    private static HttpResponse<String> preflight(String origin) {
        return Http.send(Http.request("/api/messages", null).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }
}
