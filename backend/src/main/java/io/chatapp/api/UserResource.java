package io.chatapp.api;

import io.chatapp.model.Sender;
import io.chatapp.store.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The users who have signed in, for pickers (new rooms, direct messages). */
@Path("users")
@RequestScoped
public class UserResource {

    private static final int LIMIT = 20;

    /** The answer of {@code GET /api/users}. */
    public record Users(List<Sender> users) {
    }

    @Inject
    UserDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Users whose name or id begins with q (any case), by name; at most 20")
    public Users users(@QueryParam("q") @DefaultValue("") @Size(max = 80, message = "must be at most 80 characters") String q) {
        return new Users(directory.search(q.strip(), LIMIT));
    }
}
