package io.chatapp.socket;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.tracing.ChatTracing;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Delivers each message posted to the sessions of its room's members, without waiting for any of them. */
@ApplicationScoped
public class MessageDelivery {

    @Inject
    SessionRegistry sessions;

    @Inject
    ChatMetrics metrics;

    @Inject
    ChatTracing tracing;

    void deliver(@Observes ChatEvent.MessagePosted posted) {
        ChatMessage message = posted.message();
        deliver(posted, Frames.message(message));
        metrics.broadcast(Duration.between(message.timestampInstant(), Instant.now()));
    }

    void deliver(@Observes ChatEvent.MessageChange change) {
        deliver(change, Frames.updated(change.message()));
    }

    /** Within a trace, the delivery's span lasts until the frame is written to every session (or they closed). */
    private void deliver(ChatEvent event, String frame) {
        String room = event.room();
        if (!Span.current().isRecording()) {
            sessions.audience(room).forEach(session -> session.send(frame));
            return;
        }
        List<ChatSession> audience = sessions.audience(room).toList();
        Span span = tracing.startDelivery(room, event.type().name(), audience.size());
        if (audience.isEmpty()) {
            span.end();
            return;
        }
        AtomicInteger unwritten = new AtomicInteger(audience.size());
        Runnable written = () -> {
            if (unwritten.decrementAndGet() == 0) {
                span.end();
            }
        };
        audience.forEach(session -> session.send(frame, written));
    }
}
