package ru.school500.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An operating-system process of the stack, with its output in a log file. */
final class ManagedProcess {

    private final String component;
    private final Process process;
    private final Path log;

    private ManagedProcess(String component, Process process, Path log) {
        this.component = component;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String component, List<String> command, Path workDir, Map<String, String> env,
            Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ManagedProcess(component, builder.start(), log);
        } catch (IOException e) {
            throw new StackException(component + ": could not start " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    String component() {
        return component;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for a command to finish; kills it when it outlasts the timeout and returns -1. */
    int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            kill();
            return -1;
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new StackException(component + ": interrupted while waiting for it to finish");
        }
    }

    /** SIGKILL to the process and its children, as a crash or an OOM killer would: no shutdown hooks run. */
    void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // already gone
        }
    }

    /** The process that does the work: the JVM a start script launched, or the process itself. */
    long workerPid() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** Asks the process (and its children) to stop, then kills what is left after the grace period. */
    void stop(Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
