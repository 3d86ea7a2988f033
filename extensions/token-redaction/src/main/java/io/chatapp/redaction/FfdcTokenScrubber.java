package io.chatapp.redaction;

import com.ibm.ws.ffdc.FFDCConfigurator;
import com.ibm.wsspi.logging.Incident;
import com.ibm.wsspi.logging.IncidentForwarder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * FFDC incident files (logs/ffdc/ffdc_*.log) bypass message routers, and an incident about a
 * refused token quotes it (jose4j's InvalidJwtSignatureException does, and the dumped context
 * holds it too). Liberty calls every incident forwarder on the same thread right after it has
 * written the incident, so this one rewrites the FFDC files written in the last seconds that hold
 * a token, with the tokens replaced.
 */
final class FfdcTokenScrubber implements IncidentForwarder {

    /** An incident is written just before forwarders are called; older files were checked then. */
    private static final long RECENT_MILLIS = 10_000;

    @Override
    public void process(Incident incident, Throwable thrown) {
        try {
            File directory = FFDCConfigurator.getFFDCLocation();
            File[] files = directory == null ? null : directory.listFiles((dir, name) -> name.endsWith(".log"));
            if (files == null) {
                return;
            }
            long since = System.currentTimeMillis() - RECENT_MILLIS;
            for (File file : files) {
                if (file.lastModified() >= since) {
                    scrub(file.toPath());
                }
            }
        } catch (RuntimeException | IOException e) {
            // Best effort: FFDC itself must never be disturbed.
        }
    }

    static synchronized void scrub(Path file) throws IOException {
        // ISO-8859-1 maps each byte to one char and back: all but the tokens stays byte for byte.
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (!Tokens.found(text)) {
            return;
        }
        Path redacted = file.resolveSibling(file.getFileName() + ".redacting");
        Files.write(redacted, Tokens.redact(text).getBytes(StandardCharsets.ISO_8859_1));
        Files.move(redacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
