package ru.school500.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ru.school500.stack.PlatformStack;
import ru.school500.stack.ServiceApp;

/**
 * Every service's threads, virtual ones included ({@code jcmd Thread.dump_to_file}), saved when a figure fails: a
 * service that stops answering under load is diagnosed from what its threads wait for at that moment, which a
 * later run may never show again.
 */
final class ThreadDumps {

    static final List<String> MODULES = List.of("gateway", "roadmap-service", "document-service", "search-service");

    private ThreadDumps() {
    }

    /** @return the files written (a service that is not running has none) */
    static List<Path> save(PlatformStack stack, Path directory, String label) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            CorpusLoader.log("thread dumps not saved: " + e);
            return written;
        }
        for (String module : MODULES) {
            for (ServiceApp app : stack.instancesOf(module)) {
                if (app.pid() < 0) {
                    continue;
                }
                Path file = directory.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + "-" + app.name() + "-threads.txt");
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    CorpusLoader.log("no thread dump of " + app.name() + ": " + e);
                    continue;
                }
                if (Jcmd.run(stack.layout().javaHome(), app.pid(), "Thread.dump_to_file", "-format=text",
                        file.toString()) && Files.isRegularFile(file)) {
                    written.add(file);
                }
                if (Thread.currentThread().isInterrupted()) {
                    return written;
                }
            }
        }
        return written;
    }
}
