package io.chatapp.tracing;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.function.Function;

/**
 * Puts the current trace and span ids in each log event the server writes within a trace, as
 * the fields {@code ext_traceId} and {@code ext_spanId} of Liberty's JSON logs, so that a log
 * line leads to its trace.
 */
@ApplicationScoped
public class TraceIdsInLogs {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    /** Held here: Liberty keeps only weak references to extensions. */
    private final LogRecordContext.Extension traceId = () -> current(SpanContext::getTraceId);
    private final LogRecordContext.Extension spanId = () -> current(SpanContext::getSpanId);

    void register(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LogRecordContext.registerExtension(TRACE_ID, traceId);
        LogRecordContext.registerExtension(SPAN_ID, spanId);
    }

    void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        LogRecordContext.unregisterExtension(TRACE_ID);
        LogRecordContext.unregisterExtension(SPAN_ID);
    }

    /** @return the id of the current span's, none (no field) outside any trace */
    private static String current(Function<SpanContext, String> id) {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? id.apply(context) : null;
    }
}
