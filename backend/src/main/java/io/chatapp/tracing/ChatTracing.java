package io.chatapp.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.Supplier;

/**
 * Starts the application's own spans, named and attributed after OpenTelemetry's semantic
 * conventions, so that a tracing back end shows them as it shows any other messaging, WebSocket
 * or database span. Trace context crosses Kafka in the records' headers as W3C
 * {@code traceparent} (the propagators MicroProfile Telemetry configures).
 * <p>
 * The spans never carry message text, tokens or tickets: only names, ids and counts.
 */
@ApplicationScoped
public class ChatTracing {

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation");
    static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> MESSAGING_CONSUMER_GROUP = AttributeKey.stringKey("messaging.kafka.consumer.group");
    static final AttributeKey<Long> MESSAGING_PARTITION = AttributeKey.longKey("messaging.kafka.destination.partition");
    static final AttributeKey<Long> MESSAGING_OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("chat.event.type");
    static final AttributeKey<String> ROOM = AttributeKey.stringKey("chat.room");
    static final AttributeKey<Long> SESSIONS = AttributeKey.longKey("chat.sessions");
    static final AttributeKey<String> FRAME_TYPE = AttributeKey.stringKey("chat.frame.type");
    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_NAME = AttributeKey.stringKey("db.name");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");
    static final AttributeKey<String> DB_COLLECTION = AttributeKey.stringKey("db.mongodb.collection");

    @Inject
    OpenTelemetry openTelemetry;

    /** OpenTelemetry's own switch (OTEL_SDK_DISABLED): off, no span is started, not even a no-op one. */
    @Inject
    @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
    boolean disabled;

    private Tracer tracer;
    private TextMapPropagator propagator;

    @PostConstruct
    void start() {
        tracer = openTelemetry.getTracer("io.chatapp");
        propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Whether spans are recorded: what is worth doing only for them need not be done otherwise. */
    public boolean enabled() {
        return !disabled;
    }

    /** A client's WebSocket frame being handled, a child of nothing: frames carry no trace context. */
    public Span startFrame(String type) {
        if (disabled) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("WebSocket " + type).setSpanKind(SpanKind.SERVER).setNoParent()
                .setAttribute(FRAME_TYPE, type).startSpan();
    }

    /** An event's record on its way to the broker, a child of what is current (the request or frame). */
    public Span startPublish(String topic, String eventId, String eventType) {
        if (disabled) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(MESSAGING_DESTINATION, topic)
                .setAttribute(MESSAGING_OPERATION, "publish").setAttribute(MESSAGING_MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType).startSpan();
    }

    /** Writes the span's context into a record's headers, for the consumers to continue the trace. */
    public <C> void inject(Span span, C carrier, TextMapSetter<C> setter) {
        if (disabled) {
            return;
        }
        propagator.inject(Context.current().with(span), carrier, setter);
    }

    /**
     * A record being processed by one consumer group, a child of the span that published it
     * (its context read from the record's headers), or a trace of its own when it carries none.
     */
    public <C> Span startProcess(C carrier, TextMapGetter<C> getter, Record record) {
        if (disabled) {
            return Span.getInvalid();
        }
        Context parent = propagator.extract(Context.root(), carrier, getter);
        return tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(MESSAGING_DESTINATION, record.topic())
                .setAttribute(MESSAGING_OPERATION, "process").setAttribute(MESSAGING_CONSUMER_GROUP, record.group())
                .setAttribute(MESSAGING_PARTITION, (long) record.partition()).setAttribute(MESSAGING_OFFSET, record.offset())
                .startSpan();
    }

    /** Where a record came from, for its process span. */
    public record Record(String topic, String group, int partition, long offset) {
    }

    /** A frame written to the room's sessions on this instance; it ends when the last write has. */
    public Span startDelivery(String room, String eventType, int sessions) {
        return tracer.spanBuilder("WebSocket deliver").setSpanKind(SpanKind.INTERNAL)
                .setAttribute(ROOM, room).setAttribute(EVENT_TYPE, eventType).setAttribute(SESSIONS, (long) sessions)
                .startSpan();
    }

    /** A MongoDB command, a child of what is current. */
    public Span startDatabaseCommand(String database, String command, String collection) {
        if (disabled) {
            return Span.getInvalid();
        }
        var builder = tracer.spanBuilder(collection == null ? command : command + " " + collection).setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM, "mongodb").setAttribute(DB_NAME, database).setAttribute(DB_OPERATION, command);
        if (collection != null) {
            builder.setAttribute(DB_COLLECTION, collection);
        }
        return builder.startSpan();
    }

    /**
     * Runs the work with the span current and ends the span after it, marked as failed when the
     * work throws.
     */
    public static <T> T within(Span span, Supplier<T> work) {
        try (Scope current = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** As {@link #within(Span, Supplier)}, for work without a result. */
    public static void within(Span span, Runnable work) {
        within(span, () -> {
            work.run();
            return null;
        });
    }

    /** Ends a span, marked as failed when there was a failure. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            failed(span, failure);
        }
        span.end();
    }

    /** Marks a span as an error, with the failure as its exception event. */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.recordException(failure);
    }
}
