package io.chatapp.socket;

import io.chatapp.model.MessageJson;
import io.chatapp.model.Sender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's text frame as its type's record and hands it to that type's handler. A
 * frame that is not JSON, has no known type or does not fit its type is answered with an
 * {@code error} frame; the connection stays open.
 */
@ApplicationScoped
public class FrameDispatcher {

    @Inject
    Instance<FrameHandler<?>> handlers;

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
        Frames.Inbound frame;
        try {
            frame = MessageJson.fromJson(text, Frames.Inbound.class);
        } catch (RuntimeException unreadable) {
            session.send(unreadable(text));
            return;
        }
        if (frame == null) {
            session.send(unreadable(text));
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

    /** Says what is wrong with a frame that could not be read, echoing its clientMessageId if it has one. */
    private static String unreadable(String text) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Frames.error(null, 400, "A frame is a JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return Frames.error(null, 400, "The frame is not valid JSON");
        }
        String clientMessageId = object.get("clientMessageId") instanceof JsonString id ? id.getString() : null;
        List<String> types = Frames.inboundTypes();
        String type = object.get("type") instanceof JsonString named ? named.getString() : null;
        if (type == null || !types.contains(type)) {
            return Frames.error(clientMessageId, 400, "type: must be one of " + String.join(", ", types));
        }
        return Frames.error(clientMessageId, 400, "The " + type + " frame's fields could not be read; check their types");
    }
}
