package ru.school500.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a tool that deploy/local/prerequisites installs (docker-compose, kubectl) and captures what it prints. */
record Command(int exitCode, String stdout, String stderr) {

    static Command run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 60 s");
            }
            return new Command(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(command.getFirst() + " is not installed (deploy/local/prerequisites with "
                    + "PLATFORM_TEST_PREREQUISITES=1 installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Command requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("exit code " + exitCode + "\n" + stderr + stdout);
        }
        return this;
    }
}
