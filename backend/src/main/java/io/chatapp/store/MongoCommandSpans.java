package io.chatapp.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.chatapp.tracing.ChatTracing;
import io.opentelemetry.api.trace.Span;
import org.bson.BsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each MongoDB command the application sends within a trace as a span of its own (the insert
 * under a record's persist span, the reads under a history request's). The driver calls the
 * listener on the thread that sends the command, where the caller's span is current.
 */
final class MongoCommandSpans implements CommandListener {

    private final ChatTracing tracing;
    private final Map<Integer, Span> open = new ConcurrentHashMap<>();

    MongoCommandSpans(ChatTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        // Outside any trace (background work) no span: nothing to hang it on.
        if (!Span.current().getSpanContext().isValid()) {
            return;
        }
        String command = event.getCommandName();
        BsonValue target = event.getCommand().get(command);
        open.put(event.getRequestId(), tracing.startDatabaseCommand(event.getDatabaseName(), command,
                target != null && target.isString() ? target.asString().getValue() : null));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Span span = open.remove(event.getRequestId());
        if (span != null) {
            span.end();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        Span span = open.remove(event.getRequestId());
        if (span != null) {
            ChatTracing.end(span, event.getThrowable());
        }
    }
}
