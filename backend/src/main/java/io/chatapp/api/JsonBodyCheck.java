package io.chatapp.api;

import io.chatapp.problem.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads every JSON body once with JSON-P's streaming parser, which keeps no tree, before JSON-B
 * binds it: a body that is not one well-formed JSON value, or nests deeper than
 * {@link #MAX_DEPTH}, is refused with 400 there. JSON-B never sees a truncated or absurd body,
 * which it may not be able to skip (skipping an unknown member of a body cut short can spin
 * without end), and a body without a length is held to the size limit too.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    static final int MAX_DEPTH = 32;
    /** Made once: {@code Json.createParser} looks the provider up through the class loaders on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    @Inject
    @ConfigProperty(name = "chat.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new WebApplicationException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The body is larger than " + maxBodyBytes + " bytes").toResponse().build());
        }
        requireWellFormed(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** @throws JsonbException (answered 400) unless the bytes are one JSON value nested at most {@link #MAX_DEPTH} deep */
    static void requireWellFormed(byte[] body) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            int depth = 0;
            do {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw new JsonbException("The body nests more than " + MAX_DEPTH + " levels deep");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // keys and scalar values leave the depth as it is
                    }
                }
            } while (depth > 0);
            if (parser.hasNext()) {
                throw new JsonbException("The body holds more than one JSON value");
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            throw new JsonbException("The body is not well-formed JSON", e);
        }
    }
}
