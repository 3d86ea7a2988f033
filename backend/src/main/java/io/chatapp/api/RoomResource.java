package io.chatapp.api;

import io.chatapp.store.MessageRepository;
import io.chatapp.store.RoomSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The rooms that have messages. */
@Path("rooms")
@RequestScoped
public class RoomResource {

    @Inject
    MessageRepository repository;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rooms with messages, the most recently active first")
    public List<RoomSummary> rooms() {
        return repository.rooms();
    }
}
