package io.chatapp.api;

import io.chatapp.messaging.NotDurableException;
import io.chatapp.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Kafka did not take the message: 503 with {@code Retry-After}; the client retries with the same clientMessageId. */
@Provider
public class NotDurableMapper implements ExceptionMapper<NotDurableException> {

    @Inject
    @ConfigProperty(name = "chat.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    @Override
    public Response toResponse(NotDurableException exception) {
        return Problem.serviceUnavailable("The message could not be made durable; it was not accepted. "
                + "Retry later with the same clientMessageId.", retryAfterSeconds);
    }
}
