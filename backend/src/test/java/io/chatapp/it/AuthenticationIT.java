package io.chatapp.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only a valid token from the configured issuer, for this client, gets in. */
@MicroShedTest
public class AuthenticationIT {

    private static final String[] PROTECTED = {"GET /api/messages?room=general", "POST /api/messages", "GET /api/rooms",
            "POST /api/ws-ticket", "GET /messages?room=general", "POST /messages"};

    private static HttpResponse<String> call(String call, String token) {
        String[] parts = call.split(" ");
        HttpRequest.Builder request = Http.request(parts[1], token);
        if ("POST".equals(parts[0])) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Chat.body("general", "should not get in", null)));
        }
        return Http.send(request.build());
    }

    private static void assertRefusedEverywhere(String token) {
        for (String call : PROTECTED) {
            assertEquals(401, call(call, token).statusCode(), call);
        }
    }

    @Test
    void aValidTokenGetsIn() {
        String token = DevIssuer.token("alice");
        assertEquals(200, call("GET /api/rooms", token).statusCode());
        assertEquals(200, call("POST /api/ws-ticket", token).statusCode());
    }

    @Test
    void withoutATokenEveryCallIsRefused() {
        assertRefusedEverywhere(null);
        assertTrue(call("GET /api/rooms", null).headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = DevIssuer.expiredToken();
        assertTrue(DevIssuer.claims(token).getJsonNumber("exp").longValue() < System.currentTimeMillis() / 1000);
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String token = DevIssuer.tokenFromOtherIssuer("alice");
        assertTrue(DevIssuer.claims(token).getString("iss").endsWith("/other-issuer"));
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = DevIssuer.tokenForOtherClient("alice");
        assertEquals("other-client", DevIssuer.claims(token).getString("aud"));
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefusedEverywhere(DevIssuer.tokenWithForeignSignature("alice"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = DevIssuer.unsignedToken("alice");
        assertTrue(token.endsWith("."));
        assertRefusedEverywhere(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"der", "pem"})
    void aTokenSignedWithTheIssuersPublicKeyAsAnHmacSecretIsRefused(String keyEncoding) throws Exception {
        assertRefusedEverywhere(DevIssuer.tokenSignedWithPublicKeyAsSecret("alice", keyEncoding));
    }

    @Test
    void aTokenFromAnUnknownKeyIdIsRefused() throws Exception {
        assertRefusedEverywhere(DevIssuer.tokenWithUnknownKeyId("alice"));
    }

    @Test
    void aTokenWithABrokenSignatureIsRefused() {
        assertRefusedEverywhere(DevIssuer.tokenWithBadSignature("alice"));
    }

    @Test
    void aTokenWhoseClaimsWereChangedIsRefused() {
        String token = DevIssuer.tamperedToken("mallory", "alice");
        assertEquals("alice", DevIssuer.claims(token).getString("sub"));
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        String token = DevIssuer.notYetValidToken();
        assertTrue(DevIssuer.claims(token).getJsonNumber("nbf").longValue() > System.currentTimeMillis() / 1000 + 3600);
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenWithoutASubjectIsRefused() {
        String token = DevIssuer.tokenWithoutSubject();
        assertFalse(DevIssuer.claims(token).containsKey("sub"), token);
        assertEquals("chatapp", DevIssuer.claims(token).getString("aud"));
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenWithAnEmptySubjectIsRefused() {
        String token = DevIssuer.tokenWithEmptySubject();
        assertEquals("", DevIssuer.claims(token).getString("sub"));
        assertRefusedEverywhere(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."})
    void somethingThatIsNotASignedTokenIsRefused(String token) {
        assertRefusedEverywhere(token);
    }
}
