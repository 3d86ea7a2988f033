package io.chatapp.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerChallengeCheckTest {

    private static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";

    private final Logger logger = Logger.getLogger(BearerChallengeCheck.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final BearerChallengeCheck check = new BearerChallengeCheck(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void aBearerTokenAnsweredWithABasicChallengeIsLoggedAsMpJwtNotInEffect() {
        assertTrue(check.inspect(TOKEN, "Basic realm=\"\""));

        assertEquals(1, logged.size());
        LogRecord record = logged.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        String line = record.getMessage();
        assertTrue(line.contains("MicroProfile JWT is not in effect") && line.contains("Basic realm=\"\""), line);
        assertFalse(line.contains("eyJ"), "the token must not be logged: " + line);
        assertFalse(line.contains("\n"), "one line: " + line);
    }

    @Test
    void saysItAtMostOnceAMinute() {
        check.inspect(TOKEN, "Basic realm=\"\"");
        now = now.plus(Duration.ofSeconds(59));
        assertTrue(check.inspect(TOKEN, "Basic realm=\"\""));
        assertEquals(1, logged.size());

        now = now.plus(Duration.ofSeconds(2));
        check.inspect(TOKEN, null);
        assertEquals(2, logged.size());
        assertTrue(logged.get(1).getMessage().contains("challenge \"none\""));
    }

    @Test
    void mpJwtsOwnRefusalIsNotTheProblem() {
        assertFalse(check.inspect(TOKEN, "Bearer realm=\"MP-JWT\", error=\"invalid_token\""));
        assertTrue(logged.isEmpty());
    }

    @Test
    void aRequestWithoutABearerTokenSaysNothingAboutMpJwt() {
        assertFalse(check.inspect(null, "Basic realm=\"\""));
        assertFalse(check.inspect("Basic YWxpY2U6c2VjcmV0", "Basic realm=\"\""));
        assertTrue(logged.isEmpty());
    }
}
