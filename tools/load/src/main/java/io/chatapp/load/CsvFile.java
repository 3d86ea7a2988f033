package io.chatapp.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file in which labelled runs gather: each run appends its lines under the one header, and
 * the plots are drawn again from everything read back. Its cells are never quoted: labels and
 * numbers hold no commas.
 */
final class CsvFile {

    private CsvFile() {
    }

    /** Appends these lines to {@code directory/name}, writing the header first when the file is new; returns its path. */
    static Path append(Path directory, String name, String header, List<String> lines) throws IOException {
        Files.createDirectories(directory);
        Path csv = directory.resolve(name);
        if (!Files.exists(csv)) {
            Files.writeString(csv, header + "\n");
        }
        Files.write(csv, lines, StandardOpenOption.APPEND);
        return csv;
    }

    /** The cells of every line but the header and blank ones, empty cells kept. */
    static List<String[]> rows(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.isBlank() && !line.startsWith("label,")) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }
}
