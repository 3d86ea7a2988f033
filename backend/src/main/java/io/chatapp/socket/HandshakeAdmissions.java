package io.chatapp.socket;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chatapp.model.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Hands the holder of a redeemed ticket from the handshake guard (a servlet filter) to the
 * endpoint's configurator, which only sees the handshake's URL. An entry left behind by a
 * handshake that never completed is dropped after a minute.
 */
@ApplicationScoped
public class HandshakeAdmissions {

    private static final Duration UNCLAIMED_LIFETIME = Duration.ofMinutes(1);

    private final Cache<String, SignedIn> admitted = Caffeine.newBuilder().expireAfterWrite(UNCLAIMED_LIFETIME)
            .executor(Runnable::run).build();

    void admit(String ticket, SignedIn holder) {
        admitted.put(ticket, holder);
    }

    Optional<SignedIn> claim(String ticket) {
        return Optional.ofNullable(ticket == null ? null : admitted.asMap().remove(ticket));
    }
}
