package ru.school500.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much the benchmark loads and measures. {@code full} is the documented run (≈ 30 min on 2 cores);
 * {@code tiny} checks the harness in the normal test run.
 *
 * @param searchRequests requests per concurrency level at most, also bounded by {@code searchTime}
 * @param uploadSizes bytes of each measured upload
 * @param lagUploads uploads whose acknowledged → found time is measured
 */
record BenchConfig(String mode, long seed, int regions, int minItems, int maxItems, int practices, int materials,
        int materialWords, List<Integer> concurrency, int searchRequests, Duration searchTime, int trivialRequests,
        List<Long> uploadSizes, int lagUploads, int comparisonRepeats, int loadWorkers) {

    static final long MIB = 1024L * 1024;

    static BenchConfig full() {
        return new BenchConfig("full", 500, 85, 30, 100, 20_000, 5_000, 1500, List.of(1, 8, 32), 3000,
                Duration.ofSeconds(20), 2000, List.of(100 * MIB, 1024 * MIB), 500, 20, 12);
    }

    static BenchConfig tiny() {
        return new BenchConfig("tiny", 500, 3, 30, 40, 24, 12, 400, List.of(1, 8, 32), 100,
                Duration.ofSeconds(3), 150, List.of(8 * MIB, 32 * MIB), 6, 5, 6);
    }

    BenchConfig withSizes(int regions, int practices, int materials) {
        return new BenchConfig(mode, seed, regions, minItems, maxItems, practices, materials, materialWords,
                concurrency, searchRequests, searchTime, trivialRequests, uploadSizes, lagUploads, comparisonRepeats,
                loadWorkers);
    }

    BenchConfig withLagUploads(int uploads) {
        return new BenchConfig(mode, seed, regions, minItems, maxItems, practices, materials, materialWords,
                concurrency, searchRequests, searchTime, trivialRequests, uploadSizes, uploads, comparisonRepeats,
                loadWorkers);
    }

    BenchConfig withTrivialRequests(int requests) {
        return new BenchConfig(mode, seed, regions, minItems, maxItems, practices, materials, materialWords,
                concurrency, searchRequests, searchTime, requests, uploadSizes, lagUploads, comparisonRepeats,
                loadWorkers);
    }
}
