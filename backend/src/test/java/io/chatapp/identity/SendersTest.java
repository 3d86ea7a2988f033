package io.chatapp.identity;

import io.chatapp.model.Sender;
import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SendersTest {

    /** A verified token with the given claims. */
    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    private static Map<String, Object> claims(String... pairs) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put(pairs[i], pairs[i + 1]);
        }
        return claims;
    }

    @Test
    void theIdIsTheSubjectAndTheNameIsTheNameClaim() {
        Sender sender = Senders.fromToken(token(claims("sub", "Cg1hbGljZQ", "name", "Alice Liddell",
                "preferred_username", "alice", "email", "alice@example.com")));
        assertEquals(new Sender("Cg1hbGljZQ", "Alice Liddell"), sender);
    }

    @Test
    void withoutANameThePreferredUsernameIsUsed() {
        assertEquals("alice", Senders.fromToken(token(claims("sub", "s", "preferred_username", "alice",
                "email", "alice@example.com"))).name());
    }

    @Test
    void withoutAUsernameTheEmailIsUsed() {
        assertEquals("alice@example.com", Senders.fromToken(token(claims("sub", "s", "email", "alice@example.com"))).name());
    }

    @Test
    void withNothingElseTheSubjectIsTheName() {
        assertEquals("s", Senders.fromToken(token(claims("sub", "s"))).name());
    }

    @Test
    void blankClaimsAreSkipped() {
        assertEquals("alice", Senders.fromToken(token(claims("sub", "s", "name", " ", "preferred_username", "alice"))).name());
    }

    @Test
    void jsonStringClaimsAreReadAsText() {
        Map<String, Object> claims = claims("sub", "s");
        claims.put("name", Json.createValue("Alice"));
        assertEquals("Alice", Senders.fromToken(token(claims)).name());
    }
}
