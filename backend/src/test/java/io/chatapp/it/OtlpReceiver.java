package io.chatapp.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a collector would be to the server under test: an OTLP/HTTP receiver (protobuf, as
 * OpenTelemetry's exporter sends it) on loopback, keeping the spans it is sent for the tests to
 * read. {@link TraceReceiverSession} runs it for the whole test run, so that no export of the
 * server's is refused.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A span as received, its ids in hex as in a {@code traceparent}; its parent empty for a root. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
                        Map<String, String> attributes, io.opentelemetry.proto.trace.v1.Status.StatusCode status) {

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private static final int KEPT = 200_000;
    private static volatile OtlpReceiver running;

    private final HttpServer server;
    private final ConcurrentLinkedDeque<ReceivedSpan> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger count = new AtomicInteger();

    private OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    static synchronized void start(int port) {
        if (running == null) {
            try {
                running = new OtlpReceiver(port);
            } catch (IOException e) {
                throw new UncheckedIOException("the OTLP receiver could not listen on port " + port, e);
            }
        }
    }

    static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** The receiver of this test run. */
    static OtlpReceiver running() {
        if (running == null) {
            throw new IllegalStateException("no OTLP receiver runs: it.otlp.port is not set for this test run");
        }
        return running;
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).get("service.name");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        keep(new ReceivedSpan(service, hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                                hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                                attributes(span.getAttributesList()), span.getStatus().getCode()));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private void keep(ReceivedSpan span) {
        spans.add(span);
        if (count.incrementAndGet() > KEPT) {
            spans.pollFirst();
            count.decrementAndGet();
        }
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue attribute : list) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        return attributes;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> {
                List<String> items = new ArrayList<>();
                value.getArrayValue().getValuesList().forEach(item -> items.add(text(item)));
                yield items.toString();
            }
            default -> value.toString();
        };
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
