package io.chatapp.socket;

import io.chatapp.model.MessageJson;
import io.chatapp.model.Sender;
import io.chatapp.tracing.ChatTracing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's text frame as its type's record and hands it to that type's handler. A
 * frame that is not a JSON object, nests too deep, has no known type or does not fit its type is
 * answered with an {@code error} frame; the connection stays open.
 */
@ApplicationScoped
public class FrameDispatcher {

    @Inject
    Instance<FrameHandler<?>> handlers;

    @Inject
    ChatTracing tracing;

    private final Map<Class<?>, FrameHandler<?>> byType = new HashMap<>();

    @PostConstruct
    void index() {
        for (FrameHandler<?> handler : handlers) {
            if (byType.put(handler.frameType(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.frameType().getSimpleName() + " frames");
            }
        }
    }

    void dispatch(String text, Sender sender, ChatSession session) {
        FrameOutline outline;
        try {
            outline = FrameOutline.of(text);
        } catch (FrameOutline.Unreadable e) {
            session.send(Frames.error(null, 400, e.getMessage()));
            return;
        }
        List<String> types = Frames.inboundTypes();
        if (outline.type() == null || !types.contains(outline.type())) {
            session.send(Frames.error(outline.clientMessageId(), 400, "type: must be one of " + String.join(", ", types)));
            return;
        }
        ChatTracing.within(tracing.startFrame(outline.type()), () -> dispatch(text, outline, sender, session));
    }

    private void dispatch(String text, FrameOutline outline, Sender sender, ChatSession session) {
        Frames.Inbound frame;
        try {
            frame = MessageJson.fromJson(text, Frames.Inbound.class);
        } catch (RuntimeException unreadable) {
            frame = null;
        }
        if (frame == null) {
            session.send(Frames.error(outline.clientMessageId(), 400,
                    "The " + outline.type() + " frame's fields could not be read; check their types"));
            return;
        }
        handle(frame, sender, session);
    }

    @SuppressWarnings("unchecked")
    private <F extends Frames.Inbound> void handle(F frame, Sender sender, ChatSession session) {
        FrameHandler<F> handler = (FrameHandler<F>) byType.get(frame.getClass());
        if (handler == null) {
            session.send(Frames.error(frame.clientMessageId(), 400, "type: " + frame.getClass().getSimpleName() + " frames are not handled here"));
            return;
        }
        handler.handle(frame, sender, session);
    }
}
