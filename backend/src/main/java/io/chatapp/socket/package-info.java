/**
 * The WebSocket {@code /ws/chat}: the ticket and Origin checks that guard the handshake
 * ({@code HandshakeGuard}), the endpoint that answers {@code send} frames ({@code ChatSocket}),
 * the open sessions indexed by room ({@code SessionRegistry}), the rules each connection lives
 * by ({@code ConnectionRules}), the delivery of every message posted ({@link io.chatapp.model.ChatEvent.MessagePosted})
 * to its room's sessions, in order and without blocking the caller ({@code MessageDelivery},
 * {@code SessionOutbox}), the goodbye on a graceful stop ({@code GoingAway}), and, before the
 * instance is ready, the same delivery warmed up on clients of its own ({@code SendPathWarmUp}).
 */
package io.chatapp.socket;
