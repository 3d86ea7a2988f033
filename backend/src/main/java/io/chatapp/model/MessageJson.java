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
     * Reads a message's JSON; whether the message is complete and valid is for Jakarta
     * Validation to say (see {@link ChatMessage}'s constraints).
     *
     * @throws IllegalArgumentException if the text is not a JSON object of a message's shape
     */
    public static ChatMessage fromJson(String json) {
        ChatMessage message;
        try {
            message = JSONB.fromJson(json, ChatMessage.class);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("not a message: " + e.getMessage(), e);
        }
        if (message == null) {
            throw new IllegalArgumentException("not a message: null");
        }
        return message;
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
