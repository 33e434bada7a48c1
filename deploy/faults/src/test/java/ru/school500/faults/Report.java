package ru.school500.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures of a run, written to {@code target/<name>} and to standard output. */
final class Report {

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    Report(String name) {
        this.file = Path.of("target", name);
    }

    synchronized void line(String format, Object... args) {
        String line = args.length == 0 ? format : format.formatted(args);
        lines.add(line);
        System.out.println("[faults] " + line);
        write();
    }

    synchronized void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
