package io.chatapp.api;

import io.chatapp.identity.Senders;
import io.chatapp.model.NewRoom;
import io.chatapp.rooms.RoomService;
import io.chatapp.rooms.RoomView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** Rooms: the caller's, the public ones, one with its members; creating, joining and leaving. */
@Path("rooms")
@RequestScoped
public class RoomResource {

    /** The body of {@code PUT /api/rooms/{id}/read}. */
    public record ReadUpTo(String messageId) {
    }

    @Inject
    JsonWebToken token;

    @Inject
    RoomService rooms;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's rooms (or, with scope=public, every public room), the most recently active first")
    public List<RoomView> rooms(@QueryParam("scope") @Pattern(regexp = "mine|public", message = "must be mine or public") String scope) {
        return "public".equals(scope) ? rooms.publicRooms(Senders.fromToken(token)) : rooms.mine(Senders.fromToken(token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a room; the caller and the members named are its members")
    @APIResponse(responseCode = "201", description = "Created, once Kafka has the room's creation")
    @APIResponse(responseCode = "409", description = "A room has that id")
    public Response create(NewRoom room) {
        RoomView created = rooms.create(Senders.fromToken(token), room);
        return Response.created(uriInfo.getBaseUriBuilder().path("rooms").path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One room, with its members; 404 for a private room the caller is not in")
    public RoomView room(@PathParam("id") String id) {
        return rooms.room(Senders.fromToken(token), id);
    }

    @PUT
    @Path("{id}/members/{userId}")
    @Operation(summary = "Join a public room (yourself), or add someone to a private room you are in")
    @APIResponse(responseCode = "204", description = "A member, once Kafka has the change")
    public void join(@PathParam("id") String id, @PathParam("userId") String userId) {
        rooms.join(Senders.fromToken(token), id, userId);
    }

    @DELETE
    @Path("{id}/members/{userId}")
    @Operation(summary = "Leave a room (yourself), or remove someone from a room you created")
    @APIResponse(responseCode = "204", description = "Not a member, once Kafka has the change")
    public void leave(@PathParam("id") String id, @PathParam("userId") String userId) {
        rooms.leave(Senders.fromToken(token), id, userId);
    }

    @PUT
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the room read up to a message, for all of the caller's devices")
    @APIResponse(responseCode = "204", description = "Marked; a marker never moves back")
    @APIResponse(responseCode = "404", description = "No such room for the caller, or no stored message of that id in it")
    public void read(@PathParam("id") String id, ReadUpTo upTo) {
        rooms.read(Senders.fromToken(token), id, upTo == null ? null : upTo.messageId());
    }
}
