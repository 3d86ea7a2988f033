package io.chatapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The logs folder of a server under test ({@code deploy.logs}): what an operator would read. */
final class ServerLogs {

    private final Path folder;

    private ServerLogs(Path folder) {
        this.folder = folder;
    }

    static ServerLogs of(String property) {
        return new ServerLogs(Path.of(System.getProperty(property)));
    }

    /** Waits until a line of messages.log matches (Liberty writes its log asynchronously). */
    String awaitLine(String what, Pattern line) {
        return awaitLine("messages.log", what, line);
    }

    /** Waits until a line of the HTTP access log matches. */
    String awaitAccessLine(String what, Pattern line) {
        return awaitLine("http_access.log", what, line);
    }

    List<String> accessLog() {
        return lines(folder.resolve("http_access.log"));
    }

    private String awaitLine(String file, String what, Pattern line) {
        return Chat.await(what + " in " + folder.resolve(file), Duration.ofSeconds(15),
                () -> lines(folder.resolve(file)).stream().filter(line.asPredicate()).findFirst().orElse(null));
    }

    static List<String> lines(Path path) {
        try {
            return Files.exists(path) ? List.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8).split("\n")) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
