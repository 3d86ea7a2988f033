package io.chatapp.store;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A room that has messages, and when the last one was sent. */
@JsonbPropertyOrder({"room", "lastMessageAt"})
public record RoomSummary(String room, String lastMessageAt) {
}
