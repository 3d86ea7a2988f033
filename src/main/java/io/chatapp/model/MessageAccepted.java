package io.chatapp.model;

/**
 * CDI event: a message has come back from Kafka and is to be delivered to every connected
 * client. Fired by the messaging side, observed by the WebSocket side, so neither knows the other.
 */
public record MessageAccepted(ChatMessage message) {
}
