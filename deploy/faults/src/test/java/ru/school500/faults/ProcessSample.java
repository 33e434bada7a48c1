package ru.school500.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One look at a service's JVM: heap in use right after a full collection ({@code jcmd GC.run}, then
 * {@code GC.heap_info}), live threads and open file descriptors (from {@code /proc}).
 */
record ProcessSample(long heapAfterGcKb, int threads, int fileDescriptors) {

    // JDK 17 prints "total 65536K, used 5120K", JDK 21+ "total reserved 262144K, committed 65536K, used 5120K"
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total [^\\n]*?used (\\d+)K");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");

    static ProcessSample of(long pid) {
        jcmd(pid, "GC.run");
        long heapKb = heapUsedKb(jcmd(pid, "GC.heap_info"));
        try {
            Matcher threads = THREADS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
            int threadCount = threads.find() ? Integer.parseInt(threads.group(1)) : -1;
            int fds;
            try (Stream<Path> open = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                fds = (int) open.count();
            }
            return new ProcessSample(heapKb, threadCount, fds);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc of " + pid + ": " + e.getMessage(), e);
        }
    }

    static long heapUsedKb(String heapInfo) {
        Matcher heap = HEAP_USED.matcher(heapInfo);
        if (!heap.find()) {
            throw new IllegalStateException("GC.heap_info printed no heap line: " + heapInfo);
        }
        return Long.parseLong(heap.group(1));
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + pid + " " + command + " did not finish");
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
