package ru.school500.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.school500.faults.MixedLoad.Kind;
import ru.school500.stack.ServiceApp;

/**
 * The soak: the mixed load for {@code platform.soak.minutes} (10 by default) in rounds of a minute, each round
 * ending with the consistency check; every service JVM sampled every 30 s. Heap after a full GC, threads and
 * file descriptors must not grow from the first samples (after warm-up) to the last. Not in the normal run:
 * {@code -Dplatform.faults.mode=soak -Dit.test=SoakIT}. Figures in {@code target/soak-report.txt}.
 */
@ExtendWith(FaultStack.class)
@EnabledIfSystemProperty(named = "platform.faults.mode", matches = "soak")
class SoakIT {

    private static final Duration ROUND = Duration.ofMinutes(1);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    /** Samples taken while the JVMs still warm up (JIT, caches, pools filling) are not the baseline. */
    private static final int WARM_UP_SAMPLES = 2;

    @Test
    void tenMinutesOfMixedLoadLeaveHeapThreadsAndFileDescriptorsWhereTheyWere() {
        Duration total = Duration.ofMinutes(Long.getLong("platform.soak.minutes", 10));
        Users users = new Users();
        Report report = new Report("soak-report.txt");
        Map<String, List<ProcessSample>> samples = new LinkedHashMap<>();
        Instant end = Instant.now().plus(total);
        Instant nextSample = Instant.now();
        int rounds = 0;
        long requests = 0;
        long failures = 0;
        while (Instant.now().isBefore(end)) {
            Ledger ledger = new Ledger("s" + Long.toString(System.nanoTime(), 36));
            MixedLoad load = MixedLoad.start(users, ledger);
            Instant roundEnd = Instant.now().plus(ROUND);
            try {
                while (Instant.now().isBefore(roundEnd)) {
                    if (!Instant.now().isBefore(nextSample)) {
                        sample(samples);
                        nextSample = nextSample.plus(SAMPLE_EVERY);
                    }
                    MixedLoad.pause(Duration.ofSeconds(1));
                }
            } finally {
                load.close();
            }
            Consistency.check(ledger, users, Duration.ofSeconds(60));
            rounds++;
            requests += load.outcomes().size();
            failures += load.outcomes(o -> !o.ok()).size();
            report.line("round %d: %s", rounds, load.summary());
            assertThat(load.outcomes(o -> !o.ok())).as("failed calls in round " + rounds).isEmpty();
            assertThat(load.outcomes(o -> o.kind() == Kind.UPLOAD && o.ok())).isNotEmpty();
        }
        sample(samples);
        report.line("%d min, %d rounds, %d requests, %d failed", total.toMinutes(), rounds, requests, failures);
        report.line("%-20s %28s %16s %16s", "process", "heap after GC KiB (base → end, max)", "threads", "fds");
        List<String> growing = new ArrayList<>();
        samples.forEach((name, series) -> {
            List<ProcessSample> settled = series.subList(Math.min(WARM_UP_SAMPLES, series.size() - 1), series.size());
            ProcessSample base = settled.getFirst();
            ProcessSample last = settled.getLast();
            long maxHeap = settled.stream().mapToLong(ProcessSample::heapAfterGcKb).max().orElse(-1);
            report.line("%-20s %12d → %8d, %8d %7d → %6d %7d → %6d", name, base.heapAfterGcKb(), last.heapAfterGcKb(),
                    maxHeap, base.threads(), last.threads(), base.fileDescriptors(), last.fileDescriptors());
            // margins: one G1 region's worth of heap noise, a pool's worth of threads and sockets
            if (last.heapAfterGcKb() > base.heapAfterGcKb() * 5 / 4 + 16 * 1024) {
                growing.add(name + " heap " + base.heapAfterGcKb() + " → " + last.heapAfterGcKb() + " KiB");
            }
            if (last.threads() > base.threads() + 15) {
                growing.add(name + " threads " + base.threads() + " → " + last.threads());
            }
            if (last.fileDescriptors() > base.fileDescriptors() + 25) {
                growing.add(name + " file descriptors " + base.fileDescriptors() + " → " + last.fileDescriptors());
            }
        });
        assertThat(growing).as("resources that grew during the soak").isEmpty();
    }

    private static void sample(Map<String, List<ProcessSample>> samples) {
        for (Map.Entry<String, ServiceApp> app : FaultStack.stack().serviceInstances().entrySet()) {
            long pid = app.getValue().pid();
            if (pid > 0) {
                samples.computeIfAbsent(app.getKey(), name -> new ArrayList<>()).add(ProcessSample.of(pid));
            }
        }
    }
}
