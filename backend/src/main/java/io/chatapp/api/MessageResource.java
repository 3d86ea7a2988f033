package io.chatapp.api;

import io.chatapp.identity.Senders;
import io.chatapp.ingest.MessageChanges;
import io.chatapp.ingest.MessageIngest;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageEdit;
import io.chatapp.model.NewMessage;
import io.chatapp.rooms.RoomAccess;
import io.chatapp.store.HistoryPage;
import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Posting messages and reading a room's history. Also served at {@code /messages}. */
@Path("messages")
@RequestScoped
public class MessageResource {

    @Inject
    JsonWebToken token;

    @Inject
    MessageIngest ingest;

    @Inject
    MessageChanges changes;

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
        answer(ingest.ingest(Senders.fromToken(token), posted), response,
                message -> Response.accepted(message).location(location.path(message.id()).build()).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit your message", description = "Answers once Kafka has the change; 403 for another's message, 409 once deleted.")
    public void edit(@PathParam("id") String id, MessageEdit edit, @Suspended AsyncResponse response) {
        answer(changes.edit(Senders.fromToken(token), id, edit), response, message -> Response.ok(message).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete your message; history keeps a tombstone")
    public void delete(@PathParam("id") String id, @Suspended AsyncResponse response) {
        answer(changes.delete(Senders.fromToken(token), id), response, message -> Response.noContent().build());
    }

    @PUT
    @Path("{id}/reactions/{emoji}")
    @Operation(summary = "Put your emoji on a message (idempotent)")
    public void react(@PathParam("id") String id, @PathParam("emoji") String emoji, @Suspended AsyncResponse response) {
        answer(changes.react(Senders.fromToken(token), id, emoji, true), response, message -> Response.noContent().build());
    }

    @DELETE
    @Path("{id}/reactions/{emoji}")
    @Operation(summary = "Take your emoji off a message (idempotent)")
    public void unreact(@PathParam("id") String id, @PathParam("emoji") String emoji, @Suspended AsyncResponse response) {
        answer(changes.react(Senders.fromToken(token), id, emoji, false), response, message -> Response.noContent().build());
    }

    private static void answer(CompletionStage<ChatMessage> outcome, AsyncResponse response, Function<ChatMessage, Response> success) {
        outcome.whenComplete((message, failure) -> {
            if (failure == null) {
                response.resume(success.apply(message));
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
        query.requireOneCursor();
        access.requireVisible(query.room, token.getSubject());
        if (query.changedSince != null) {
            var changed = repository.changedSince(query.room, query.changedSinceValue(), query.limitValue() + 1);
            boolean hasMore = changed.size() > query.limitValue();
            return new HistoryPage(hasMore ? changed.subList(0, query.limitValue()) : changed, hasMore);
        }
        if (query.after != null) {
            return repository.after(query.room, query.limitValue(), query.after);
        }
        return repository.page(query.room, query.limitValue(), query.before);
    }
}
