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
        return Chat.await(what + " in " + folder.resolve("messages.log"), Duration.ofSeconds(15),
                () -> messages().stream().filter(line.asPredicate()).findFirst().orElse(null));
    }

    private List<String> messages() {
        try {
            Path path = folder.resolve("messages.log");
            return Files.exists(path) ? List.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8).split("\n")) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
