package io.chatapp.api;

import io.chatapp.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses bodies larger than any valid request could be (413) before reading them. */
@Provider
public class BodySizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "chat.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            request.abortWith(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The body is larger than " + maxBodyBytes + " bytes").toResponse().build());
        }
    }
}
