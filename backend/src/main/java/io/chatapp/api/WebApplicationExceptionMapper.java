package io.chatapp.api;

import io.chatapp.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors the JAX-RS runtime raises itself (unreadable JSON, wrong media type, ...) as problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = status.getStatusCode() == 400
                ? "The request body is not valid JSON of the expected shape"
                : exception.getMessage();
        Response.ResponseBuilder response = Problem.of(status, detail).toResponse();
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
