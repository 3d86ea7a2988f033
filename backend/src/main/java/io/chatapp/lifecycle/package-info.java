/**
 * The application's life as a process: {@link io.chatapp.lifecycle.StopSignal} turns the signal
 * to stop (SIGTERM, as Kubernetes sends it) into a {@link io.chatapp.lifecycle.Stopping} event,
 * which the WebSocket and messaging sides observe to hand over cleanly.
 */
package io.chatapp.lifecycle;
