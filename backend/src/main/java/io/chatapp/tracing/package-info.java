/**
 * The way of a message as one OpenTelemetry trace (MicroProfile Telemetry): the spans this
 * application starts itself, where no instrumentation of the platform reaches (WebSocket frames,
 * Kafka records, socket writes, MongoDB commands), and the trace id in log events. With the
 * OpenTelemetry SDK disabled, the default, every span here is a no-op.
 */
package io.chatapp.tracing;
