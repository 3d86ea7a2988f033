package io.chatapp.client;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Access tokens from an OIDC issuer's token endpoint: the development issuer, or Dex with its
 * password connector. The resource-owner password grant stands in for a person signing in.
 */
public final class Issuer {

    /** The client the web app is registered as; its tokens are the ones the server accepts. */
    public static final String CHAT_CLIENT = "chatapp";

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param url the issuer, as in the tokens' {@code iss} (its endpoints are below it) */
    public Issuer(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** An access token for the user, issued to the chat client. */
    public String token(String user, String password) {
        return token(user, password, CHAT_CLIENT);
    }

    public String token(String user, String password, String clientId) {
        return grant("grant_type=password&scope=" + URLEncoder.encode("openid profile email", StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** The access token of any grant, given as the token endpoint's form. */
    public String grant(String form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the issuer answered " + response.statusCode() + ": " + response.body());
        }
        return ChatClient.parse(response.body()).getString("access_token");
    }

    /** The issuer's published signing keys (JWKS). */
    public JsonObject keys() {
        return ChatClient.parse(send(HttpRequest.newBuilder(URI.create(url + "/jwks")).GET().build()).body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("issuer " + url + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
