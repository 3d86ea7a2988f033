package io.chatapp.api;

import io.chatapp.identity.Senders;
import io.chatapp.ingest.MessageIngest;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.NewMessage;
import io.chatapp.rooms.RoomAccess;
import io.chatapp.store.HistoryPage;
import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.concurrent.CompletionException;

/** Posting messages and reading a room's history. Also served at {@code /messages}. */
@Path("messages")
@RequestScoped
public class MessageResource {

    @Inject
    JsonWebToken token;

    @Inject
    MessageIngest ingest;

    @Inject
    MessageRepository repository;

    @Inject
    RoomAccess access;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a message", description = "Answers once Kafka has the message; it is then broadcast and stored.")
    @APIResponse(responseCode = "202", description = "Accepted: durable in Kafka")
    @APIResponse(responseCode = "400", description = "Invalid body; the problem names the field")
    @APIResponse(responseCode = "503", description = "Not durable; retry after Retry-After seconds with the same clientMessageId")
    public void post(NewMessage posted, @Suspended AsyncResponse response) {
        // Resolved now: the request context is gone by the time Kafka acknowledges.
        UriBuilder location = uriInfo.getBaseUriBuilder().path("messages");
        ingest.ingest(Senders.fromToken(token), posted).whenComplete((message, failure) -> {
            if (failure == null) {
                response.resume(Response.accepted(message).location(location.path(message.id()).build()).build());
            } else {
                // The bare cause, so that its exception mapper answers (503 for "not durable").
                response.resume(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One stored message; 404 until it has been stored, and for a room the caller may not see")
    public ChatMessage message(@PathParam("id") String id) {
        return repository.find(id).filter(message -> access.visible(message.room(), token.getSubject()))
                .orElseThrow(() -> new NotFoundException("No stored message " + id));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A page of a room's history, oldest first; 404 for a room the caller may not see")
    public HistoryPage history(@Valid @BeanParam HistoryQuery query) {
        access.requireVisible(query.room, token.getSubject());
        return repository.page(query.room, query.limitValue(), query.before);
    }
}
