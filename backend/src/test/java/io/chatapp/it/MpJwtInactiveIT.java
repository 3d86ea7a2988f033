package io.chatapp.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server in which MicroProfile JWT never became active (its default keystore has no
 * password, so there is no SSL configuration for MP-JWT): every token is refused, and the log
 * must say why in one line rather than nothing. Run by {@code scripts/test_deploy.sh} against a
 * server it misconfigures on purpose.
 */
public class MpJwtInactiveIT {

    @Test
    void theLogSaysThatMpJwtIsNotInEffect() {
        HttpResponse<String> refused = Http.get("/api/rooms", IssuedSecrets.record(DevIssuer.token("alice")));
        assertEquals(401, refused.statusCode(), "a valid token, with MP-JWT not in effect");

        ServerLogs.of("deploy.logs").awaitLine("the line saying MP-JWT is not in effect",
                Pattern.compile("MicroProfile JWT is not in effect in this server.*challenge \"Basic.*keystore_password"));
    }
}
