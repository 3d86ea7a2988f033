package io.chatapp.identity;

import io.chatapp.model.Sender;
import io.chatapp.model.SignedIn;
import io.chatapp.store.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues and redeems WebSocket tickets. Tickets live in the shared store, so a ticket
 * issued by one server instance admits a handshake on any other, exactly once.
 */
@ApplicationScoped
public class TicketService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TicketStore store;
    private final Duration lifetime;
    private final Clock clock;

    @Inject
    public TicketService(TicketStore store,
                         @ConfigProperty(name = "chat.ticket.lifetime", defaultValue = "PT30S") Duration lifetime) {
        this(store, lifetime, Clock.systemUTC());
    }

    TicketService(TicketStore store, Duration lifetime, Clock clock) {
        this.store = store;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected TicketService() {
        this(null, Duration.ZERO, Clock.systemUTC());
    }

    /** A ticket for the holder of a token valid until {@code tokenExpiresAt}. */
    public Ticket issue(Sender sender, Instant tokenExpiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.save(value, new SignedIn(sender, tokenExpiresAt), clock.instant().plus(lifetime));
        return new Ticket(value, lifetime.toSeconds());
    }

    /** Takes the ticket out of the store: whom it was issued to, if it was valid and unused. */
    public Optional<SignedIn> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.take(ticket, now);
    }

    /** What {@code POST /api/ws-ticket} answers. */
    @JsonbPropertyOrder({"ticket", "expiresInSeconds"})
    public record Ticket(String ticket, long expiresInSeconds) {
    }
}
