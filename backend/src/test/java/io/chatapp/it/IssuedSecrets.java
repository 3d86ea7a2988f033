package io.chatapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes down every token and WebSocket ticket the tests handle, one per line, so that the
 * test command can check afterwards that none of them appears in the server's logs.
 */
final class IssuedSecrets {

    private static final Path FILE = Path.of(System.getProperty("it.secrets.file", "target/it-secrets.txt"));

    private IssuedSecrets() {
    }

    /** Records a bearer secret. For a JWT, its signature: what makes a token usable. */
    static synchronized String record(String secret) {
        String[] parts = secret.split("\\.");
        String telling = parts.length == 3 ? parts[2] : secret;
        // An unsigned token has nothing secret to leak; short strings would match by chance.
        if (telling.length() >= 20) {
            try {
                Files.createDirectories(FILE.toAbsolutePath().getParent());
                Files.writeString(FILE, telling + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secret;
    }
}
