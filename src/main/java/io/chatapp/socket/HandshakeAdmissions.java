package io.chatapp.socket;

import io.chatapp.model.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the holder of a redeemed ticket from the handshake guard (a servlet filter) to the
 * endpoint's configurator, which only sees the handshake's URL. An entry left behind by a
 * handshake that never completed is dropped after a minute.
 */
@ApplicationScoped
public class HandshakeAdmissions {

    private static final Duration UNCLAIMED_LIFETIME = Duration.ofMinutes(1);

    private record Admission(SignedIn holder, Instant admittedAt) {
    }

    private final Map<String, Admission> admitted = new ConcurrentHashMap<>();

    void admit(String ticket, SignedIn holder) {
        Instant now = Instant.now();
        admitted.values().removeIf(admission -> admission.admittedAt().plus(UNCLAIMED_LIFETIME).isBefore(now));
        admitted.put(ticket, new Admission(holder, now));
    }

    Optional<SignedIn> claim(String ticket) {
        Admission admission = ticket == null ? null : admitted.remove(ticket);
        return Optional.ofNullable(admission).map(Admission::holder);
    }
}
