/**
 * The WebSocket {@code /ws/chat}: the ticket and Origin checks that guard the handshake, the
 * endpoint that answers {@code send} frames, and the session registry that delivers every
 * {@link io.chatapp.model.MessageAccepted} event to every open session, in order and without
 * blocking the caller.
 */
package io.chatapp.socket;
