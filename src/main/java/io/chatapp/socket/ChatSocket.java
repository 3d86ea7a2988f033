package io.chatapp.socket;

import io.chatapp.api.ConstraintViolationMapper;
import io.chatapp.api.Problem;
import io.chatapp.ingest.MessageIngest;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.model.MessageJson;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws/chat}: receives every message of every room, and takes {@code send} frames,
 * each answered by an {@code ack} (the message is durable) or an {@code error}.
 */
@ServerEndpoint(value = "/ws/chat", configurator = ChatSocketConfigurator.class)
@Dependent
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    private static final int MAX_FRAME_BYTES = 65_536;

    @Inject
    SessionRegistry sessions;

    @Inject
    MessageIngest ingest;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        Object sender = config.getUserProperties().remove(ChatSocketConfigurator.SENDER);
        if (!(sender instanceof Sender)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no ticket"));
            return;
        }
        session.getUserProperties().put(ChatSocketConfigurator.SENDER, sender);
        sessions.add(session);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void receive(String text, Session session) {
        Sender sender = (Sender) session.getUserProperties().get(ChatSocketConfigurator.SENDER);
        Frames.Inbound frame;
        try {
            frame = MessageJson.fromJson(text, Frames.Inbound.class);
        } catch (JsonbException e) {
            sessions.sendTo(session, Frames.error(null, 400, "The frame is not valid JSON"));
            return;
        }
        if (frame == null || !"send".equals(frame.type)) {
            sessions.sendTo(session, Frames.error(frame == null ? null : frame.clientMessageId, 400,
                    "type: must be \"send\""));
            return;
        }
        String clientMessageId = frame.clientMessageId;
        try {
            ingest.ingest(sender, new NewMessage(frame.room, frame.text, clientMessageId)).whenComplete((message, failure) -> {
                if (failure == null) {
                    sessions.sendTo(session, Frames.ack(clientMessageId, message.id()));
                } else {
                    sessions.sendTo(session, Frames.error(clientMessageId, 503, notAcceptedDetail(failure)));
                }
            });
        } catch (ConstraintViolationException e) {
            sessions.sendTo(session, Frames.error(clientMessageId, 400,
                    Problem.invalid(ConstraintViolationMapper.fieldErrors(e)).detail()));
        }
    }

    @OnClose
    public void close(Session session) {
        sessions.remove(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket session failed", failure);
        sessions.remove(session);
    }

    private static String notAcceptedDetail(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof NotDurableException
                ? "The message could not be made durable; retry with the same clientMessageId"
                : "The message was not accepted; retry with the same clientMessageId";
    }
}
