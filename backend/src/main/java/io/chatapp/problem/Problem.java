package io.chatapp.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each invalid field, when there are any.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One invalid field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            detail.append(detail.isEmpty() ? "" : "; ").append(error.field()).append(": ").append(error.message());
        }
        return new Problem("about:blank", "Bad Request", 400, detail.toString(), errors);
    }

    /** 503: a dependency is down; the client may try again after {@code retryAfterSeconds}. */
    public static Response serviceUnavailable(String detail, int retryAfterSeconds) {
        return of(Response.Status.SERVICE_UNAVAILABLE, detail).toResponse()
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this);
    }
}
