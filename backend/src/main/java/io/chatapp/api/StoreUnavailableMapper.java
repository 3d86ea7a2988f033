package io.chatapp.api;

import io.chatapp.problem.Problem;
import io.chatapp.store.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The message store is down: 503 with {@code Retry-After}. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {

    @Inject
    @ConfigProperty(name = "chat.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        return Problem.serviceUnavailable("The message store is unavailable; retry later.", retryAfterSeconds);
    }
}
