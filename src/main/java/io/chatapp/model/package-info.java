/**
 * The chat message as every part of the system sees it (REST, WebSocket, Kafka value,
 * history), and the request that asks for one to be posted.
 */
package io.chatapp.model;
