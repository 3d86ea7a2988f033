package io.chatapp.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionOutboxTest {

    /** A client's session whose sends complete when the test says so. */
    private static final class Client {
        final List<String> sent = new ArrayList<>();
        int pings;
        final List<SendHandler> inFlight = new ArrayList<>();
        CloseReason closed;

        final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> closed == null;
                    case "getAsyncRemote" -> remote();
                    case "close" -> {
                        closed = (CloseReason) args[0];
                        yield null;
                    }
                    default -> null;
                });

        private RemoteEndpoint.Async remote() {
            return (RemoteEndpoint.Async) Proxy.newProxyInstance(RemoteEndpoint.Async.class.getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            sent.add((String) args[0]);
                            inFlight.add((SendHandler) args[1]);
                        } else if (method.getName().equals("sendPing")) {
                            pings++;
                        }
                        return null;
                    });
        }

        void delivered() {
            inFlight.remove(0).onResult(new SendResult());
        }
    }

    @Test
    void framesGoOneAtATimeInOrder() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 10, Runnable::run);
        outbox.send("m1");
        outbox.send("m2");
        assertEquals(List.of("m1"), client.sent, "the second waits for the first");
        client.delivered();
        assertEquals(List.of("m1", "m2"), client.sent);
    }

    @Test
    void aFrameOfTheMomentGoesInTurnButIsDroppedWhenTheClientIsBackedUp() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 100, Runnable::run);
        assertTrue(outbox.offer("typing-1"), "an idle session takes it");
        assertTrue(outbox.offer("typing-2"), "queued behind one frame");
        for (int n = 1; n < SessionOutbox.BACKLOG_FOR_EPHEMERAL; n++) {
            outbox.send("m" + n);
        }
        assertFalse(outbox.offer("typing-3"), "dropped: the client has a backlog");
        outbox.send("m-last");
        assertNull(client.closed, "dropping it spared the client");
        while (!client.inFlight.isEmpty()) {
            client.delivered();
        }
        assertEquals("typing-2", client.sent.get(1));
        assertEquals("m-last", client.sent.get(client.sent.size() - 1));
        assertFalse(client.sent.contains("typing-3"));
        assertEquals(2 + SessionOutbox.BACKLOG_FOR_EPHEMERAL, client.sent.size(), "every message went, in order");
    }

    @Test
    void aClientTooFarBehindIsDisconnectedToCatchUpFromHistory() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 2, Runnable::run);
        outbox.send("m1");
        outbox.send("m2");
        outbox.send("m3");
        assertNull(client.closed);
        outbox.send("m4");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, client.closed.getCloseCode());
    }

    @Test
    void whoeverWaitsOnAFrameIsToldOnceItIsWritten() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 10, Runnable::run);
        List<String> written = new ArrayList<>();
        outbox.send("m1", () -> written.add("m1"));
        outbox.send("m2", () -> written.add("m2"));
        assertEquals(List.of(), written, "nothing is written before the client has it");
        client.delivered();
        assertEquals(List.of("m1"), written);
        client.delivered();
        assertEquals(List.of("m1", "m2"), written);
    }

    @Test
    void framesLeftWaitingWhenTheSessionGoesAreAllGivenUpOnceAndLaterOnesAtOnce() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 10, Runnable::run);
        List<String> done = new ArrayList<>();
        outbox.send("m1", () -> done.add("m1"));
        outbox.send("m2", () -> done.add("m2"));
        outbox.send("m3", () -> done.add("m3"));
        client.closed = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "gone");
        client.delivered();
        assertEquals(List.of("m1", "m2", "m3"), done, "the written one and both that waited behind it");
        outbox.send("m4", () -> done.add("m4"));
        assertEquals(List.of("m1", "m2", "m3", "m4"), done, "a frame for a gone session is given up at once");
        assertFalse(outbox.offer("typing"), "nor is a frame of the moment taken");
        assertEquals(List.of("m1"), client.sent);
    }

    @Test
    void aClientDisconnectedAsTooSlowLeavesNoFrameUnaccountedFor() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 2, Runnable::run);
        List<String> done = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            String frame = "m" + n;
            outbox.send(frame, () -> done.add(frame));
        }
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, client.closed.getCloseCode());
        assertEquals(List.of("m2", "m3", "m4"), done, "the queued frames and the one that overflowed");
        client.delivered();
        assertEquals(List.of("m2", "m3", "m4", "m1"), done);
    }

    @Test
    void pingsAndClosesAreWrittenOffTheCallersThreadAndFramesWaitBehindAPing() {
        Client client = new Client();
        List<Runnable> blockingWrites = new ArrayList<>();
        SessionOutbox outbox = new SessionOutbox(client.session, 10, blockingWrites::add);
        outbox.ping();
        outbox.send("m1");
        assertEquals(0, client.pings, "the container writes a ping synchronously: not on the caller's thread");
        assertEquals(List.of(), client.sent, "a frame after the ping waits for it");
        blockingWrites.remove(0).run();
        assertEquals(1, client.pings);
        assertEquals(List.of("m1"), client.sent, "and goes once the ping is written");

        outbox.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye"));
        assertNull(client.closed, "the closing handshake waits for the write under way: not on the caller's thread either");
        blockingWrites.remove(0).run();
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, client.closed.getCloseCode());
    }

    @Test
    void withNoThreadLeftForIt_aPingIsSkippedAndACloseMadeByItsCaller() {
        Client client = new Client();
        SessionOutbox outbox = new SessionOutbox(client.session, 10, work -> {
            throw new java.util.concurrent.RejectedExecutionException("all busy");
        });
        outbox.ping();
        outbox.send("m1");
        assertEquals(0, client.pings);
        assertEquals(List.of("m1"), client.sent, "the skipped ping holds nothing up");
        outbox.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye"));
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, client.closed.getCloseCode());
    }
}
