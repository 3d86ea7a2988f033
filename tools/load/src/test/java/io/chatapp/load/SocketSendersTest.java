package io.chatapp.load;

import org.junit.jupiter.api.Test;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SocketSendersTest {

    private static final String PREFIX = "rooms-abc-";

    @Test
    void eachSendIsTimedToItsAckNotToItsOwnMessageComingBack() throws Exception {
        SocketSenders senders = new SocketSenders(PREFIX);
        // The server answers each send with its message (the poster is a member) and then the ack.
        List<WebSocket> sockets = List.of(new AnsweringSocket(frame -> {
            String id = clientMessageId(frame);
            senders.received("{\"type\":\"message\",\"message\":{\"clientMessageId\":\"" + id + "\"}}", System.nanoTime());
            senders.received("{\"type\":\"ack\",\"clientMessageId\":\"" + id + "\",\"id\":\"m1\"}", System.nanoTime());
        }));

        SocketSenders.Outcome outcome = senders.run(LoadOptions.parse("rooms", "--rate", "200", "--duration", "PT0.5S", "--posters", "4"),
                sockets, n -> new Posters.Address(0, "room"), (n, due) -> "text " + n);

        assertEquals(100, outcome.sent(), "half a second at 200 a second");
        assertEquals(100, outcome.ack().count(), "each send acked once, its message frame not counted");
        assertEquals(Map.of(), outcome.refused());
        assertEquals(0, outcome.unanswered());
        assertEquals(Set.of(), outcome.notAccepted());
    }

    @Test
    void refusalsAreCountedByStatusAndSendsNeverAnsweredAreReported() throws Exception {
        SocketSenders senders = new SocketSenders(PREFIX, Duration.ofMillis(500));
        List<WebSocket> sockets = List.of(new AnsweringSocket(frame -> {
            String id = clientMessageId(frame);
            int n = Integer.parseInt(id.substring(PREFIX.length()));
            if (n % 3 == 1) {
                senders.received("{\"type\":\"error\",\"clientMessageId\":\"" + id + "\",\"status\":429,\"detail\":\"slow down\"}",
                        System.nanoTime());
            } else if (n % 3 == 0) {
                senders.received("{\"type\":\"ack\",\"clientMessageId\":\"" + id + "\",\"id\":\"m\"}", System.nanoTime());
            }
        }));

        SocketSenders.Outcome outcome = senders.run(LoadOptions.parse("rooms", "--rate", "40", "--duration", "PT0.6S", "--posters", "1"),
                sockets, n -> new Posters.Address(0, "room"), (n, due) -> "text " + n);

        assertEquals(24, outcome.sent());
        assertEquals(8, outcome.ack().count());
        assertEquals(Map.of(429, 8L), outcome.refused());
        assertEquals(8, outcome.unanswered());
        assertEquals(IntStream.range(0, 24).filter(n -> n % 3 != 0).boxed().collect(Collectors.toSet()), outcome.notAccepted(),
                "the refused and the unanswered, by number");
        assertFalse(outcome.summary().isBlank());
    }

    private static String clientMessageId(String frame) {
        int from = frame.indexOf(PREFIX);
        return frame.substring(from, frame.indexOf('"', from));
    }

    /** A socket that answers as it is told, and fails a test that sends while a send is under way. */
    private static final class AnsweringSocket implements WebSocket {
        private final Consumer<String> server;
        private final AtomicBoolean sending = new AtomicBoolean();

        AnsweringSocket(Consumer<String> server) {
            this.server = server;
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            if (!sending.compareAndSet(false, true)) {
                throw new IllegalStateException("a send is under way");
            }
            CompletableFuture<WebSocket> done = new CompletableFuture<>();
            CompletableFuture.runAsync(() -> {
                sending.set(false);
                done.complete(this);
                server.accept(data.toString());
            });
            return done;
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void request(long n) {
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {
        }
    }
}
