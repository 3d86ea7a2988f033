package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The WebSocket handshake needs an allowed Origin and a valid, unused ticket; otherwise it is never upgraded. */
@MicroShedTest
public class HandshakeIT {

    private static Chat alice;

    @BeforeAll
    static void signIn() {
        alice = Chat.as("alice");
    }

    @Test
    void aValidTicketFromAnAllowedOriginIsUpgraded() throws Exception {
        assertEquals(101, RecordingSocket.handshakeStatus(TestStack.client(), alice.ticket(), TestStack.origin()));
    }

    @Test
    void withoutATicketTheHandshakeIsRefused() throws Exception {
        assertEquals(401, RecordingSocket.handshakeStatus(TestStack.client(), null, TestStack.origin()));
    }

    @Test
    void aTicketTheServerNeverIssuedIsRefused() throws Exception {
        assertEquals(401, RecordingSocket.handshakeStatus(TestStack.client(), "made-up-ticket", TestStack.origin()));
    }

    @Test
    void aTicketWorksOnlyOnce() throws Exception {
        String ticket = alice.ticket();
        assertEquals(101, RecordingSocket.handshakeStatus(TestStack.client(), ticket, TestStack.origin()));
        assertEquals(401, RecordingSocket.handshakeStatus(TestStack.client(), ticket, TestStack.origin()));
    }

    @Test
    void aBearerTokenIsNotATicket() throws Exception {
        assertEquals(401, RecordingSocket.handshakeStatus(TestStack.client(), alice.token, TestStack.origin()));
    }

    @Test
    void anOriginThatIsNotAllowedIsForbidden() throws Exception {
        String ticket = alice.ticket();
        assertEquals(403, RecordingSocket.handshakeStatus(TestStack.client(), ticket, "https://evil.example"));
        assertEquals(403, RecordingSocket.handshakeStatus(TestStack.client(), alice.ticket(), null));
        // A refused handshake does not spend the ticket.
        assertEquals(101, RecordingSocket.handshakeStatus(TestStack.client(), ticket, TestStack.origin()));
    }
}
