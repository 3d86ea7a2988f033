package io.chatapp.socket;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageJson;
import io.chatapp.model.Sender;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON text frames of {@code /ws/chat}, one record per type, told apart by their
 * {@code "type"} key (JSON-B polymorphism): a new kind of frame is a record here and its alias.
 */
final class Frames {

    private Frames() {
    }

    /** Client to server; each type has one {@link FrameHandler}. */
    @JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "send", type = Send.class),
        @JsonbSubtype(alias = "edit", type = Edit.class),
        @JsonbSubtype(alias = "delete", type = Delete.class),
        @JsonbSubtype(alias = "react", type = React.class),
        @JsonbSubtype(alias = "typing", type = Typing.class)
    })
    public sealed interface Inbound permits Send, Change, Typing {
        /** The client's id for what it asked, echoed in the answer; may be null. */
        String clientMessageId();
    }

    /** {@code {"type":"send","room":"…","text":"…","clientMessageId":"…","replyTo":"…"}}: post a message. */
    public record Send(String room, String text, String clientMessageId, String replyTo) implements Inbound {
    }

    /** A frame that changes a message, named by its {@code id}. */
    public sealed interface Change extends Inbound permits Edit, Delete, React {
        String id();
    }

    /** {@code {"type":"edit","id":"…","text":"…","clientMessageId":"…"}}: the sender's new text. */
    public record Edit(String id, String text, String clientMessageId) implements Change {
    }

    /** {@code {"type":"delete","id":"…"}}: the sender deletes the message. */
    public record Delete(String id, String clientMessageId) implements Change {
    }

    /** {@code {"type":"react","id":"…","emoji":"👍","on":true}}: an emoji put on ({@code on}, the default) or taken off. */
    public record React(String id, String emoji, Boolean on, String clientMessageId) implements Change {
    }

    /** {@code {"type":"typing","room":"…"}}: the user is typing in the room (a client sends it at most every 2 s). */
    public record Typing(String room, String clientMessageId) implements Inbound {
    }

    /** Server to client. */
    @JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "message", type = MessageFrame.class),
        @JsonbSubtype(alias = "message.updated", type = MessageUpdated.class),
        @JsonbSubtype(alias = "ack", type = Ack.class),
        @JsonbSubtype(alias = "error", type = Error.class),
        @JsonbSubtype(alias = "typing", type = SomeoneTyping.class),
        @JsonbSubtype(alias = "read", type = ReadUpTo.class),
        @JsonbSubtype(alias = "presence", type = PresenceFrame.class)
    })
    public sealed interface Outbound permits MessageFrame, MessageUpdated, Ack, Error, SomeoneTyping, ReadUpTo, PresenceFrame {
    }

    public record MessageFrame(ChatMessage message) implements Outbound {
    }

    /** A message's whole new state after a change; a client keeps the highest version of each message. */
    public record MessageUpdated(ChatMessage message) implements Outbound {
    }

    @JsonbPropertyOrder({"clientMessageId", "id"})
    public record Ack(String clientMessageId, String id) implements Outbound {
    }

    /** {@code retryAfterSeconds}, like HTTP's {@code Retry-After}, only when waiting helps. */
    @JsonbPropertyOrder({"clientMessageId", "status", "detail", "retryAfterSeconds"})
    public record Error(String clientMessageId, int status, String detail, Long retryAfterSeconds) implements Outbound {
    }

    /** Another member of the room is typing. */
    public record SomeoneTyping(String room, Sender user) implements Outbound {
    }

    /** The user has read the room up to the message, on one of their devices. */
    @JsonbPropertyOrder({"room", "messageId"})
    public record ReadUpTo(String room, String messageId) implements Outbound {
    }

    /** A user came online or went offline: {@code status} is {@code online} or {@code offline}. */
    @JsonbPropertyOrder({"user", "status"})
    public record PresenceFrame(Sender user, String status) implements Outbound {
    }

    /** The {@code type}s a client may send, read once from the declaration above. */
    private static final List<String> INBOUND_TYPES =
            Arrays.stream(Inbound.class.getAnnotation(JsonbTypeInfo.class).value()).map(JsonbSubtype::alias).toList();

    static List<String> inboundTypes() {
        return INBOUND_TYPES;
    }

    static String message(ChatMessage message) {
        return MessageJson.toJson(new MessageFrame(message));
    }

    static String updated(ChatMessage message) {
        return MessageJson.toJson(new MessageUpdated(message));
    }

    static String typing(String room, Sender user) {
        return MessageJson.toJson(new SomeoneTyping(room, user));
    }

    static String presence(Sender user, boolean online) {
        return MessageJson.toJson(new PresenceFrame(user, online ? "online" : "offline"));
    }

    static String read(String room, String messageId) {
        return MessageJson.toJson(new ReadUpTo(room, messageId));
    }

    static String ack(String clientMessageId, String id) {
        return MessageJson.toJson(new Ack(clientMessageId, id));
    }

    static String error(String clientMessageId, int status, String detail) {
        return MessageJson.toJson(new Error(clientMessageId, status, detail, null));
    }

    static String error(String clientMessageId, int status, String detail, long retryAfterSeconds) {
        return MessageJson.toJson(new Error(clientMessageId, status, detail, retryAfterSeconds));
    }
}
