package io.chatapp.socket;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageJson;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The JSON text frames of {@code /ws/chat}. */
final class Frames {

    private Frames() {
    }

    /** Client to server: {@code {"type":"send","room":"…","text":"…","clientMessageId":"…"}}. */
    public static class Inbound {
        public String type;
        public String room;
        public String text;
        public String clientMessageId;
    }

    @JsonbPropertyOrder({"type", "message"})
    public record MessageFrame(String type, ChatMessage message) {
    }

    @JsonbPropertyOrder({"type", "clientMessageId", "id"})
    public record AckFrame(String type, String clientMessageId, String id) {
    }

    /** {@code retryAfterSeconds}, like HTTP's {@code Retry-After}, only when waiting helps. */
    @JsonbPropertyOrder({"type", "clientMessageId", "status", "detail", "retryAfterSeconds"})
    public record ErrorFrame(String type, String clientMessageId, int status, String detail, Long retryAfterSeconds) {
    }

    static String message(ChatMessage message) {
        return MessageJson.toJson(new MessageFrame("message", message));
    }

    static String ack(String clientMessageId, String id) {
        return MessageJson.toJson(new AckFrame("ack", clientMessageId, id));
    }

    static String error(String clientMessageId, int status, String detail) {
        return MessageJson.toJson(new ErrorFrame("error", clientMessageId, status, detail, null));
    }

    static String error(String clientMessageId, int status, String detail, long retryAfterSeconds) {
        return MessageJson.toJson(new ErrorFrame("error", clientMessageId, status, detail, retryAfterSeconds));
    }
}
