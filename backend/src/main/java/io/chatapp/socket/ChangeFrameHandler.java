package io.chatapp.socket;

import io.chatapp.ingest.MessageChanges;
import io.chatapp.model.Sender;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * {@code edit}, {@code delete} and {@code react}: the same rules and outcome as their REST calls,
 * answered by {@code ack} (with the message's id) or {@code error}. The change itself reaches
 * every member's sessions as {@code message.updated}.
 */
abstract class ChangeFrameHandler<F extends Frames.Change> implements FrameHandler<F> {

    @Inject
    MessageChanges changes;

    /** Makes the change the frame asks for. */
    abstract CompletionStage<?> change(F frame, Sender sender);

    @Override
    public void handle(F frame, Sender sender, ChatSession session) {
        String clientMessageId = frame.clientMessageId();
        try {
            change(frame, sender).whenComplete((done, failure) -> session.send(failure == null
                    ? Frames.ack(clientMessageId, frame.id())
                    : Frames.error(clientMessageId, 503, "The change could not be made durable; send it again")));
        } catch (RuntimeException refused) {
            String error = Refusals.frame(clientMessageId, refused);
            if (error == null) {
                throw refused;
            }
            session.send(error);
        }
    }
}
