package io.chatapp.api;

import io.chatapp.problem.Problem;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not of the expected shape: 400. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape")
                .toResponse().build();
    }
}
