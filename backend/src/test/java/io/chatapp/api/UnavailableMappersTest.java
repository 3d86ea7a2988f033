package io.chatapp.api;

import io.chatapp.messaging.NotDurableException;
import io.chatapp.problem.Problem;
import io.chatapp.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnavailableMappersTest {

    @Test
    void aMessageKafkaDidNotTakeIsA503WithRetryAfter() {
        NotDurableMapper mapper = new NotDurableMapper();
        mapper.retryAfterSeconds = 7;
        Response response = mapper.toResponse(new NotDurableException("no ack", new TimeoutException()));

        assertEquals(503, response.getStatus());
        assertEquals("7", response.getHeaderString("Retry-After"));
        assertEquals(Problem.PROBLEM_JSON, response.getMediaType());
        assertTrue(((Problem) response.getEntity()).detail().contains("clientMessageId"));
    }

    @Test
    void anUnavailableStoreIsA503WithRetryAfter() {
        StoreUnavailableMapper mapper = new StoreUnavailableMapper();
        mapper.retryAfterSeconds = 5;
        Response response = mapper.toResponse(new StoreUnavailableException(new RuntimeException("down")));

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
    }
}
