package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules a WebSocket lives by once it is open: it closes when its user's token expires
 * (4401, so the client signs in again), when the client is never heard from (4408; the server
 * pings, and clients that answer stay), and when it floods the server with frames (1008).
 * The test server runs with a 6 s idle timeout and a ping every 2 s.
 */
@MicroShedTest
public class WebSocketRulesIT {

    private static MongoClient mongo;
    private static MongoCollection<Document> tickets;

    @BeforeAll
    static void connectStore() {
        mongo = MongoClients.create(TestStack.mongoUri());
        tickets = mongo.getDatabase("chat").getCollection("ws_tickets");
    }

    @AfterAll
    static void closeStore() {
        mongo.close();
    }

    /** A ticket as the server stores it, for a token that expires at {@code tokenExpiresAt}. */
    private static String ticketFor(String user, Instant tokenExpiresAt) {
        String ticket = "rules-" + UUID.randomUUID();
        tickets.insertOne(new Document("_id", ticket)
                .append("sender", new Document("id", user).append("name", user))
                .append("expires_at", Date.from(Instant.now().plusSeconds(30)))
                .append("token_expires_at", Date.from(tokenExpiresAt)));
        return ticket;
    }

    @Test
    void aTicketRemembersWhenItsTokenExpires() {
        Chat alice = Chat.as("alice");
        String ticket = alice.ticket();
        Document stored = tickets.find(Filters.eq("_id", ticket)).first();
        long exp = DevIssuer.claims(alice.token).getJsonNumber("exp").longValue();
        assertEquals(exp, stored.getDate("token_expires_at").toInstant().getEpochSecond());
    }

    @Test
    void theSocketClosesWhenTheTokenExpiresSoTheClientSignsInAgain() {
        Instant expiresAt = Instant.now().plusSeconds(3);
        try (RecordingSocket socket = RecordingSocket.open(TestStack.client(), ticketFor("expiring", expiresAt), TestStack.origin())) {
            Chat.await("the socket closed", Duration.ofSeconds(15), () -> socket.closeCode() == -1 ? null : true);
            assertEquals(4401, socket.closeCode());
            assertTrue(!Instant.now().isBefore(expiresAt), "closed before the token expired");
        }
    }

    @Test
    void aClientThatAnswersPingsStaysConnectedThroughSilence() throws Exception {
        Chat bob = Chat.as("bob");
        Chat.awaitPipelineReady();
        try (RecordingSocket socket = bob.connect()) {
            Thread.sleep(Duration.ofSeconds(10).toMillis());
            assertEquals(-1, socket.closeCode(), "closed after 10 quiet seconds");
            String id = bob.post("general", "still connected after the idle timeout").getString("id");
            socket.awaitMessage(id, Duration.ofSeconds(10));
        }
    }

    @Test
    void aClientThatIsNeverHeardFromIsClosedAsIdle() throws Exception {
        URI server = TestStack.server();
        try (Socket raw = new Socket(server.getHost(), server.getPort())) {
            raw.setSoTimeout(20_000);
            OutputStream out = raw.getOutputStream();
            byte[] key = new byte[16];
            new java.util.Random().nextBytes(key);
            out.write(("GET /ws/chat?ticket=" + ticketFor("silent", Instant.now().plusSeconds(3600)) + " HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + ":" + server.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Origin: " + TestStack.origin() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(raw.getInputStream());
            String status = readLine(in);
            assertTrue(status.contains(" 101 "), status);
            while (!readLine(in).isEmpty()) {
                // the rest of the handshake's headers
            }
            // This client never answers: it reads what the server sends until the server closes.
            Instant opened = Instant.now();
            int pings = 0;
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                if (opcode == 0x9) {
                    pings++;
                } else if (opcode == 0x8) {
                    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                    assertEquals(4408, code);
                    assertTrue(pings >= 1, "closed without ever pinging");
                    assertTrue(Duration.between(opened, Instant.now()).toSeconds() >= 5, "closed before the idle timeout");
                    return;
                }
            }
        }
    }

    @Test
    void aFloodOfFramesClosesTheSocket() {
        double refusedBefore = Http.metric("chat_ratelimit_refused_total", "limit=\"frames\"");
        try (RecordingSocket socket = Chat.as("frame-flooder").connect()) {
            try {
                for (int i = 0; i < 200 && socket.closeCode() == -1; i++) {
                    socket.send("{\"type\":\"ping-me\"}");
                }
            } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                // The server closed the socket while frames were still going out.
            }
            Chat.await("the socket closed", Duration.ofSeconds(10), () -> socket.closeCode() == -1 ? null : true);
            assertEquals(1008, socket.closeCode());
        }
        assertTrue(Http.metric("chat_ratelimit_refused_total", "limit=\"frames\"") >= refusedBefore + 1, "the flood was not counted");
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed in the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
