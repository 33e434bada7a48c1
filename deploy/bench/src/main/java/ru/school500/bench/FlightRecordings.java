package ru.school500.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ru.school500.stack.PlatformStack;
import ru.school500.stack.ServiceApp;

/**
 * JFR recordings of a running service, started and stopped with {@code jcmd} around one measurement
 * ({@code deploy/bench/run --profile gateway}): the profile of exactly the load a figure applied, with the
 * {@code profile} settings (execution samples every 10 ms, socket and lock events from 10 ms, allocations).
 */
final class FlightRecordings {

    private final PlatformStack stack;
    private final Path directory;
    private final List<String> modules;

    FlightRecordings(PlatformStack stack, Path directory, List<String> modules) {
        this.stack = stack;
        this.directory = directory;
        this.modules = List.copyOf(modules);
    }

    /** Records the given modules' instances while {@code measurement} runs; a module not profiled runs as is. */
    <T> T around(String label, Supplier<T> measurement) {
        List<Recording> recordings = new ArrayList<>();
        for (String module : modules) {
            for (ServiceApp app : stack.instancesOf(module)) {
                if (app.pid() > 0 && jcmd(app.pid(), "JFR.start", "name=bench", "settings=profile")) {
                    recordings.add(new Recording(app, directory.resolve(fileName(label, app.name()))));
                }
            }
        }
        try {
            return measurement.get();
        } finally {
            for (Recording recording : recordings) {
                if (jcmd(recording.app().pid(), "JFR.stop", "name=bench", "filename=" + recording.file())) {
                    CorpusLoader.log("JFR of " + recording.app().name() + " during " + label + ": " + recording.file());
                }
            }
        }
    }

    static String fileName(String label, String app) {
        return label.replaceAll("[^A-Za-z0-9]+", "-") + "-" + app + ".jfr";
    }

    private boolean jcmd(long pid, String... command) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            CorpusLoader.log("no JFR recording: " + e);
            return false;
        }
        return Jcmd.run(stack.layout().javaHome(), pid, command);
    }

    private record Recording(ServiceApp app, Path file) {
    }
}
