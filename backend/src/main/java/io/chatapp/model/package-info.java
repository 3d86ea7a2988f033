/**
 * The chat message as every part of the system sees it (REST, WebSocket, Kafka value,
 * history), the request that asks for one to be posted, and the events that travel on Kafka
 * ({@link io.chatapp.model.ChatEvent}), which the messaging side fires as CDI events and the
 * WebSocket side observes, so neither knows the other.
 */
package io.chatapp.model;
