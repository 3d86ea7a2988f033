package io.chatapp.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices when MicroProfile JWT is not in effect: a request that carried a bearer token was
 * refused with another challenge than MP-JWT's. Liberty then falls back to the application's
 * login configuration without logging anything, and every token is refused, so this says why,
 * in one line, at most once a minute.
 */
final class BearerChallengeCheck {

    static final String MESSAGE = "MicroProfile JWT is not in effect in this server: a request with a bearer token"
            + " was refused with the challenge \"%s\" instead of Bearer realm=\"MP-JWT\", so no token can be accepted."
            + " Liberty logs CWWKS5500I once the mpJwt configuration is active; it stays inactive without a default"
            + " SSL configuration, for example when the default keystore has no password (CWPKI0819I: set"
            + " keystore_password in the environment).";

    private static final Logger LOG = Logger.getLogger(BearerChallengeCheck.class.getName());
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);

    BearerChallengeCheck(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param challenge the {@code WWW-Authenticate} header of the 401 answer, or null
     * @return whether the answer shows MP-JWT is not in effect (and was logged, unless logged lately)
     */
    boolean inspect(String authorization, String challenge) {
        boolean bearerRequest = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean bearerChallenge = challenge != null && challenge.regionMatches(true, 0, "Bearer", 0, 6);
        if (!bearerRequest || bearerChallenge) {
            return false;
        }
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if (now.isAfter(last.plus(QUIET)) && lastLogged.compareAndSet(last, now)) {
            LOG.log(Level.SEVERE, () -> String.format(MESSAGE, challenge == null ? "none" : challenge));
        }
        return true;
    }
}
