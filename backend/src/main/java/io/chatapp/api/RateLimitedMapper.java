package io.chatapp.api;

import io.chatapp.ingest.RateLimitedException;
import io.chatapp.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Posting faster than the per-user limit: 429 with {@code Retry-After}. */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimitedException> {

    @Override
    public Response toResponse(RateLimitedException exception) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, exception.getMessage()).toResponse()
                .header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds()).build();
    }
}
