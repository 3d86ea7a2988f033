package io.chatapp.api;

import io.chatapp.identity.Senders;
import io.chatapp.rooms.RoomService;
import io.chatapp.rooms.RoomView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Direct rooms: one per pair of users, the same whichever of them asks. */
@Path("direct")
@RequestScoped
public class DirectResource {

    /** The body of {@code POST /api/direct}. */
    public record DirectRequest(String userId) {
    }

    @Inject
    JsonWebToken token;

    @Inject
    RoomService rooms;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The direct room of the caller and the user, created on first use")
    public RoomView direct(DirectRequest request) {
        return rooms.direct(Senders.fromToken(token), request == null ? null : request.userId());
    }
}
