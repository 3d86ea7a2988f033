package io.chatapp.model;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** The one JSON form of a message, shared by the Kafka record value and the WebSocket frames. */
public final class MessageJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private MessageJson() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /**
     * Reads a message written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the text is not a complete message
     */
    public static ChatMessage fromJson(String json) {
        ChatMessage message;
        try {
            message = JSONB.fromJson(json, ChatMessage.class);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("not a message: " + e.getMessage(), e);
        }
        if (message == null || message.id() == null || message.room() == null || message.text() == null
                || message.sender() == null || message.sender().id() == null || message.timestamp() == null) {
            throw new IllegalArgumentException("not a message: a required field is missing");
        }
        return message;
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
