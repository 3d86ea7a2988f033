package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each user may post a burst of 20 messages, then 5 a second (the defaults), over REST and
 * WebSocket together; beyond that the answer is 429 with Retry-After, and nothing is accepted.
 */
@MicroShedTest
public class RateLimitIT {

    @Test
    void aFloodIsRefusedWithRetryAfterAcrossRestAndWebSocketAndOthersAreUnaffected() throws Exception {
        Chat flooder = Chat.as("flooder-" + UUID.randomUUID());
        Chat.awaitPipelineReady();
        double refusedBefore = Http.metric("chat_ratelimit_refused_total", "limit=\"posting\"");
        try (RecordingSocket socket = flooder.connect()) {
            int accepted = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 300 && refused == null; i++) {
                HttpResponse<String> response = Http.postJson("/api/messages", Chat.body("flood", "flood " + i, null), flooder.token);
                if (response.statusCode() == 202) {
                    accepted++;
                } else {
                    refused = response;
                }
            }
            assertTrue(refused != null, "300 posts in a row were all accepted");
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(accepted >= 20, "only " + accepted + " posts accepted before the limit");
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);

            // The same allowance covers the WebSocket.
            for (int i = 0; i < 3; i++) {
                socket.send("{\"type\":\"send\",\"room\":\"flood\",\"text\":\"over the socket\",\"clientMessageId\":\"ws-flood-" + i + "\"}");
            }
            JsonObject error = socket.await("a 429 error frame", frame -> "error".equals(frame.getString("type", null))
                    && frame.getInt("status") == 429, Duration.ofSeconds(10));
            assertTrue(error.getJsonNumber("retryAfterSeconds").longValue() >= 1, error.toString());
            // Counted, over REST and the WebSocket alike.
            assertTrue(Http.metric("chat_ratelimit_refused_total", "limit=\"posting\"") >= refusedBefore + 2);

            // Someone else posts as usual meanwhile.
            assertEquals(202, Http.postJson("/api/messages", Chat.body("flood", "not me", null), DevIssuer.token("bystander")).statusCode());

            // Honouring Retry-After is enough to be let in again.
            Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
            assertEquals(202, Http.postJson("/api/messages", Chat.body("flood", "after waiting", null), flooder.token).statusCode());
        }
    }
}
