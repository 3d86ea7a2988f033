package io.chatapp.socket;

import io.chatapp.model.MessageEdit;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** The handlers of the frames that change a message, one per frame type. */
final class ChangeFrameHandlers {

    private ChangeFrameHandlers() {
    }

    @ApplicationScoped
    static class Edit extends ChangeFrameHandler<Frames.Edit> {
        @Override
        public Class<Frames.Edit> frameType() {
            return Frames.Edit.class;
        }

        @Override
        CompletionStage<?> change(Frames.Edit frame, Sender sender) {
            return changes.edit(sender, frame.id(), new MessageEdit(frame.text()));
        }
    }

    @ApplicationScoped
    static class Delete extends ChangeFrameHandler<Frames.Delete> {
        @Override
        public Class<Frames.Delete> frameType() {
            return Frames.Delete.class;
        }

        @Override
        CompletionStage<?> change(Frames.Delete frame, Sender sender) {
            return changes.delete(sender, frame.id());
        }
    }

    @ApplicationScoped
    static class React extends ChangeFrameHandler<Frames.React> {
        @Override
        public Class<Frames.React> frameType() {
            return Frames.React.class;
        }

        @Override
        CompletionStage<?> change(Frames.React frame, Sender sender) {
            return changes.react(sender, frame.id(), frame.emoji(), !Boolean.FALSE.equals(frame.on()));
        }
    }
}
