package ru.school500.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One {@code jcmd} command sent to a service's JVM, given 30 s. */
final class Jcmd {

    private Jcmd() {
    }

    /** @return whether the command ran and exited 0 */
    static boolean run(Path javaHome, long pid, String... command) {
        List<String> line = new ArrayList<>();
        line.add(javaHome.resolve("bin/jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            CorpusLoader.log("jcmd " + String.join(" ", command) + " failed: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
