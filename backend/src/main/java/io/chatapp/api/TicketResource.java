package io.chatapp.api;

import io.chatapp.identity.Senders;
import io.chatapp.identity.TicketService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/** Tickets for the WebSocket handshake, so that a bearer token never appears in a URL. */
@Path("ws-ticket")
@RequestScoped
public class TicketResource {

    @Inject
    JsonWebToken token;

    @Inject
    TicketService tickets;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A short-lived, single-use ticket for /ws/chat?ticket=...")
    public TicketService.Ticket issue() {
        return tickets.issue(Senders.fromToken(token), Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
