package io.chatapp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Gets real tokens from the development OIDC issuer, and makes the kinds of bad ones the server must refuse. */
final class DevIssuer {

    static final String CLIENT_ID = "chatapp";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DevIssuer() {
    }

    /** An access token for the user, issued to the chat client (resource-owner password grant). */
    static String token(String user) {
        return token(TestStack.issuer(), user, CLIENT_ID);
    }

    /** A token issued to another client: the wrong audience for the chat service. */
    static String tokenForOtherClient(String user) {
        return token(TestStack.issuer(), user, "other-client");
    }

    /** A token from another issuer on the same server: right audience, wrong {@code iss} and keys. */
    static String tokenFromOtherIssuer(String user) {
        return token(TestStack.issuer().replaceFirst("/dex$", "/other-issuer"), user, CLIENT_ID);
    }

    /** A token whose {@code exp} lies years in the past (the issuer's test user {@code expired-token}). */
    static String expiredToken() {
        return token("expired-token");
    }

    /** A valid token's header and claims, signed by a key the issuer never published. */
    static String tokenWithForeignSignature(String user) throws Exception {
        String[] parts = token(user).split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static String token(String issuer, String user, String clientId) {
        String form = "grant_type=password&scope=" + URLEncoder.encode("openid profile email", StandardCharsets.UTF_8)
                + "&client_id=" + clientId + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=dev";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("issuer answered " + response.statusCode() + ": " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("issuer " + issuer + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
