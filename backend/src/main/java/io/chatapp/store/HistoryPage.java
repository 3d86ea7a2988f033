package io.chatapp.store;

import io.chatapp.model.ChatMessage;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** One page of a room's history, oldest first; {@code hasMore} says older messages exist. */
@JsonbPropertyOrder({"messages", "hasMore"})
public record HistoryPage(List<ChatMessage> messages, boolean hasMore) {
}
