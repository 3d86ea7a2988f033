package io.chatapp.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chatapp.identity.Senders;
import io.chatapp.model.Sender;
import io.chatapp.store.StoreUnavailableException;
import io.chatapp.store.UserDirectory;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the users directory: every signed-in caller is in it, under the name their token
 * gives. Written at most once per user and ten minutes on each instance, so it costs the hot
 * path nothing but a map lookup.
 */
@Provider
public class SignInRecorder implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(SignInRecorder.class.getName());

    private final Clock clock = Clock.systemUTC();
    private final Cache<Sender, Boolean> recorded = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    @Inject
    JsonWebToken token;

    @Inject
    UserDirectory directory;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getSubject() == null || token.getSubject().isBlank()) {
            return;
        }
        Sender user = Senders.fromToken(token);
        if (recorded.getIfPresent(user) != null) {
            return;
        }
        try {
            directory.signedIn(user, clock.instant());
            recorded.put(user, Boolean.TRUE);
        } catch (StoreUnavailableException e) {
            // The next request records it; the directory is no reason to refuse this one.
            LOG.log(Level.FINE, "Could not record a sign-in", e);
        }
    }
}
