package io.chatapp.redaction;

import com.ibm.wsspi.logging.MessageRouter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Liberty asks its message router about every message (INFO and above) before it writes it
 * anywhere, hidden messages included. A message with a token in its text or in its exception's
 * stack trace is logged again, on the same logger at the same level, with the token replaced;
 * {@code false} then tells Liberty to write the original nowhere: not to messages.log, the
 * console or trace.log. Everything else passes unchanged.
 */
final class TokenRedactingRouter implements MessageRouter {

    @Override
    public boolean route(String message, LogRecord record) {
        if (record != null && isSystemStream(record.getLevel())) {
            // Liberty ignores a router's answer for System.out and System.err.
            return true;
        }
        String stackTrace = stackTrace(record);
        if (!Tokens.found(message) && !Tokens.found(stackTrace)) {
            return true;
        }
        try {
            String text = Tokens.redact(message);
            if (stackTrace != null) {
                text = text + System.lineSeparator() + Tokens.redact(stackTrace);
            }
            logAgain(text, record);
        } catch (RuntimeException e) {
            // Never fall back to the original: losing one message beats leaking a token.
        }
        return false;
    }

    /**
     * The redacted text goes back through Liberty's logging (and this router, which lets it pass)
     * on the same thread, so it lands where the original would have.
     */
    private static void logAgain(String redacted, LogRecord original) {
        String logger = original == null || original.getLoggerName() == null ? TokenRedactingRouter.class.getName()
                : original.getLoggerName();
        // No parameters, resource bundle or exception: the text is final as it stands.
        LogRecord copy = new LogRecord(original == null ? Level.SEVERE : original.getLevel(), redacted);
        copy.setLoggerName(logger);
        if (original != null) {
            copy.setSourceClassName(original.getSourceClassName());
            copy.setSourceMethodName(original.getSourceMethodName());
        }
        Logger.getLogger(logger).log(copy);
    }

    private static String stackTrace(LogRecord record) {
        Throwable thrown = record == null ? null : record.getThrown();
        if (thrown == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString().trim();
    }

    private static boolean isSystemStream(Level level) {
        String name = level == null ? null : level.getName();
        return "SystemOut".equals(name) || "SystemErr".equals(name);
    }
}
