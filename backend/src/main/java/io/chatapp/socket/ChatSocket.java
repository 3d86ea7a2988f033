package io.chatapp.socket;

import io.chatapp.model.Sender;
import io.chatapp.model.SignedIn;
import io.chatapp.store.StoreUnavailableException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws/chat}: admits a ticketed session, keeps its frames within bounds (size,
 * allowance) and hands each to {@link FrameDispatcher}; what the session receives is sent by
 * {@link MessageDelivery}.
 */
@ServerEndpoint(value = "/ws/chat", configurator = ChatSocketConfigurator.class)
@Dependent
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    private static final int MAX_FRAME_BYTES = 65_536;
    private static final String SENDER = "chat.sender";
    private static final CloseReason STORE_UNAVAILABLE = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
            "the store is unavailable; reconnect shortly");

    @Inject
    SessionRegistry sessions;

    @Inject
    ConnectionRules rules;

    @Inject
    FrameDispatcher dispatcher;

    @Inject
    RoomSubscriptions subscriptions;

    @Inject
    PresenceReporter presence;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        Object admitted = config.getUserProperties().remove(ChatSocketConfigurator.SIGNED_IN);
        if (!(admitted instanceof SignedIn holder)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no ticket"));
            return;
        }
        if (!holder.tokenExpiresAt().isAfter(Instant.now())) {
            session.close(ConnectionRules.TOKEN_EXPIRED);
            return;
        }
        session.getUserProperties().put(SENDER, holder.sender());
        session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        ChatSession open = rules.open(session, holder.sender().id(), holder.tokenExpiresAt());
        sessions.add(open);
        presence.opened(holder.sender());
        try {
            subscriptions.opened(open);
        } catch (StoreUnavailableException e) {
            // Without its rooms the session would miss their messages: the client comes back later.
            session.close(STORE_UNAVAILABLE);
        }
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) {
        sessions.find(session).ifPresent(open -> open.heard(Instant.now()));
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void receive(String text, Session session) throws IOException {
        ChatSession open = sessions.find(session).orElse(null);
        if (open == null || !rules.admitFrame(open)) {
            return;
        }
        if (tooBig(text)) {
            // The container's own limits are not enforced for whole text messages everywhere.
            session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frames are at most " + MAX_FRAME_BYTES + " bytes"));
            return;
        }
        dispatcher.dispatch(text, (Sender) session.getUserProperties().get(SENDER), open);
    }

    private static boolean tooBig(String text) {
        // A UTF-8 character takes at most 4 bytes; count the bytes only when it could matter.
        return text.length() > MAX_FRAME_BYTES
                || text.length() > MAX_FRAME_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
    }

    @OnClose
    public void close(Session session) {
        forget(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket session failed", failure);
        forget(session);
    }

    private void forget(Session session) {
        sessions.remove(session).ifPresent(closed -> presence.closed(closed.userId()));
    }
}
