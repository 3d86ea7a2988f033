package io.chatapp.client;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTextTest {

    private static final MetricsText TEXT = MetricsText.parse("""
            # HELP chat_messages_persisted_total Messages the persistence consumer applied
            # TYPE chat_messages_persisted_total counter
            chat_messages_persisted_total{mp_scope="application",outcome="stored",} 41.0
            chat_messages_persisted_total{mp_scope="application",outcome="redelivered",} 2.0
            chat_sessions_open 7
            chat_sessions_open_max 9.0 1700000000000
            """);

    @Test
    void sumsEverySeriesOfAMetric() {
        assertEquals(OptionalDouble.of(43), TEXT.sum("chat_messages_persisted_total"));
        assertEquals(OptionalDouble.of(7), TEXT.sum("chat_sessions_open"), "a name is not a prefix of a longer one");
        assertEquals(OptionalDouble.empty(), TEXT.sum("chat_not_there_total"));
    }

    @Test
    void picksTheSeriesWithTheLabelsGiven() {
        assertEquals(2, TEXT.value("chat_messages_persisted_total", "outcome=\"redelivered\""));
        assertEquals(41, TEXT.value("chat_messages_persisted_total", ""));
        assertEquals(9, TEXT.value("chat_sessions_open_max", ""), "a timestamp after the value is not part of it");
    }

    @Test
    void aSeriesNotExposedYetCountsAsZero() {
        assertEquals(0, TEXT.value("chat_messages_persisted_total", "outcome=\"failed\""));
    }
}
