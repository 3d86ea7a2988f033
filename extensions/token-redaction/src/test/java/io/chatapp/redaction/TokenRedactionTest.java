package io.chatapp.redaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRedactionTest {

    /** JUL holds loggers weakly: these must live as long as the test that listens to them. */
    private static final List<Logger> LISTENED_TO = new ArrayList<>();

    private static final String SIGNED = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl-_x";

    @Test
    void aSignedTokenIsReplacedAndTheRestOfTheTextKept() {
        assertEquals("CWWKS5523E: ... Invalid JWS Signature: JsonWebSignature{\"alg\":\"RS256\"}->[token redacted]]",
                Tokens.redact("CWWKS5523E: ... Invalid JWS Signature: JsonWebSignature{\"alg\":\"RS256\"}->" + SIGNED + "]"));
    }

    @Test
    void unsignedTokensAndEncryptedOnesAreReplacedToo() {
        assertEquals("a [token redacted] b", Tokens.redact("a eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. b"));
        assertEquals("[token redacted]", Tokens.redact("eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn"));
    }

    @Test
    void messagesWithoutATokenPassUnchanged() {
        String message = "CWWKF0011I: The server is ready. eyJ alone is no token";
        assertEquals(message, Tokens.redact(message));
        assertTrue(new TokenRedactingRouter().route(message, new LogRecord(Level.INFO, message)));
    }

    @Test
    void aMessageWithATokenIsLoggedAgainRedactedAndTheOriginalNowhere() {
        List<LogRecord> logged = capture("redaction.test.message");
        LogRecord record = new LogRecord(Level.SEVERE, "CWWKS5523E: refused {0}");
        record.setLoggerName("redaction.test.message");
        assertFalse(new TokenRedactingRouter().route("CWWKS5523E: refused ->" + SIGNED, record));
        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertEquals("CWWKS5523E: refused ->[token redacted]", logged.get(0).getMessage());
    }

    @Test
    void aTokenInTheExceptionOfARecordIsCaughtToo() {
        List<LogRecord> logged = capture("redaction.test.exception");
        LogRecord record = new LogRecord(Level.WARNING, "APP0001W: failed");
        record.setLoggerName("redaction.test.exception");
        record.setThrown(new IllegalStateException("bad token " + SIGNED));
        assertFalse(new TokenRedactingRouter().route("APP0001W: failed", record));
        assertTrue(logged.get(0).getMessage().startsWith("APP0001W: failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: bad token [token redacted]"), logged.get(0).getMessage());
        assertFalse(logged.get(0).getMessage().contains(SIGNED));
    }

    @Test
    void anFfdcFileKeepsEverythingButItsTokens(@TempDir Path directory) throws Exception {
        Path incident = directory.resolve("ffdc_1.log");
        Files.write(incident, ("Stack Dump = x: ->" + SIGNED + "\n  jwt = \"" + SIGNED + "\"\n\u00e9").getBytes(StandardCharsets.UTF_8));
        FfdcTokenScrubber.scrub(incident);
        assertEquals("Stack Dump = x: ->[token redacted]\n  jwt = \"[token redacted]\"\n\u00e9",
                new String(Files.readAllBytes(incident), StandardCharsets.UTF_8));
    }

    private static List<LogRecord> capture(String loggerName) {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(loggerName);
        LISTENED_TO.add(logger);
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return records;
    }
}
