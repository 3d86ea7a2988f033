package io.chatapp.socket;

import io.chatapp.ingest.MessageIngest;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletionException;

/** {@code send}: the same rules and outcome as {@code POST /api/messages}, answered by {@code ack} or {@code error}. */
@ApplicationScoped
public class SendFrameHandler implements FrameHandler<Frames.Send> {

    @Inject
    MessageIngest ingest;

    @Override
    public Class<Frames.Send> frameType() {
        return Frames.Send.class;
    }

    @Override
    public void handle(Frames.Send frame, Sender sender, ChatSession session) {
        String clientMessageId = frame.clientMessageId();
        try {
            ingest.ingest(sender, new NewMessage(frame.room(), frame.text(), clientMessageId, frame.replyTo())).whenComplete((message, failure) -> {
                if (failure == null) {
                    session.send(Frames.ack(clientMessageId, message.id()));
                } else {
                    session.send(Frames.error(clientMessageId, 503, notAcceptedDetail(failure)));
                }
            });
        } catch (RuntimeException refused) {
            String error = Refusals.frame(clientMessageId, refused);
            if (error == null) {
                throw refused;
            }
            session.send(error);
        }
    }

    private static String notAcceptedDetail(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof NotDurableException
                ? "The message could not be made durable; retry with the same clientMessageId"
                : "The message was not accepted; retry with the same clientMessageId";
    }
}
