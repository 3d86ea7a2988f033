package io.chatapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The logs folder of a server under test ({@code deploy.logs}): what an operator would read. */
final class ServerLogs {

    private static final Pattern TOKEN_SHAPED = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

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
                () -> lines("messages.log").stream().filter(line.asPredicate()).findFirst().orElse(null));
    }

    /** Every line of every file in the folder (FFDC reports included) that holds something token-shaped. */
    List<String> tokenShapedLines() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .flatMap(file -> lines(folder.relativize(file).toString()).stream().map(text -> file.getFileName() + ": " + text))
                    .filter(TOKEN_SHAPED.asPredicate())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String file) {
        try {
            Path path = folder.resolve(file);
            return Files.exists(path) ? List.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8).split("\n")) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
