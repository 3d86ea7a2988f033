/**
 * The chat service as its clients see it, in plain Java: tokens from the issuer, posts,
 * history, WebSocket tickets and sockets, readiness and metrics. The load harness and the
 * backend's integration tests both speak to the server through it.
 */
package io.chatapp.client;
