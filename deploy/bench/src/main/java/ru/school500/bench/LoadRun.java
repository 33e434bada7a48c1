package ru.school500.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code users} clients, each sending its next request as soon as the last one answered,
 * until {@code maxRequests} are done or {@code maxTime} has passed, whichever comes first. Latencies go into an
 * HdrHistogram (microseconds, 3 significant digits); a warm-up of {@code warmUp} requests is not recorded.
 * Only 127.0.0.1 is ever called.
 */
final class LoadRun {

    /** What one run measured; latencies in milliseconds. */
    record Stats(int users, long requests, long errors, long throttled, double seconds, double p50, double p95,
            double p99, double max) {
        double throughput() {
            return seconds == 0 ? 0 : requests / seconds;
        }
    }

    private LoadRun() {
    }

    /** {@code next} answers the n-th request (n counts over all users together). */
    static Stats run(HttpClient http, int users, int warmUp, int maxRequests, Duration maxTime,
            IntFunction<HttpRequest> next) {
        return load(http, users, warmUp, null, maxRequests, maxTime, next);
    }

    /**
     * An open load: {@code users} clients, each sending a request every {@code interval} (the users' start times
     * spread evenly over one interval), like people who wait between their clicks. A latency counts from the moment
     * the request was due, so a request sent late because the previous one of its user was slow counts its wait
     * too (no coordinated omission). Bounded by {@code maxRequests} in all and by {@code maxTime}.
     */
    static Stats paced(HttpClient http, int users, int warmUp, Duration interval, int maxRequests, Duration maxTime,
            IntFunction<HttpRequest> next) {
        return load(http, users, warmUp, interval, maxRequests, maxTime, next);
    }

    /** {@code interval} null: closed loop, each latency from the send; else paced, each latency from when it was due. */
    private static Stats load(HttpClient http, int users, int warmUp, Duration interval, int maxRequests,
            Duration maxTime, IntFunction<HttpRequest> next) {
        for (int i = 0; i < warmUp; i++) {
            send(http, next.apply(i));
        }
        AtomicLong counter = new AtomicLong(warmUp);
        long limit = (long) warmUp + maxRequests;
        long started = System.nanoTime();
        long deadline = started + maxTime.toNanos();
        long step = interval == null ? 0 : interval.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        Histogram all = new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3);
        try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
            List<Future<Histogram>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                long first = started + step * u / users;
                futures.add(pool.submit(() -> {
                    Histogram histogram = new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3);
                    for (long due = first; (interval == null ? System.nanoTime() : due) < deadline; due += step) {
                        long n = counter.getAndIncrement();
                        if (n >= limit) {
                            break;
                        }
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        HttpRequest request = next.apply((int) n);
                        long from = interval == null ? System.nanoTime() : due;
                        int status = send(http, request);
                        long micros = (System.nanoTime() - from) / 1000;
                        histogram.recordValue(Math.min(Math.max(micros, 1), histogram.getHighestTrackableValue()));
                        if (status == 429) {
                            throttled.incrementAndGet();
                        } else if (status < 200 || status >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                    return histogram;
                }));
            }
            for (Future<Histogram> future : futures) {
                all.add(future.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("load run failed", e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Stats(users, all.getTotalCount(), errors.get(), throttled.get(), seconds,
                ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(95)), ms(all.getValueAtPercentile(99)),
                ms(all.getMaxValue()));
    }

    /** Latencies of single timed actions (imports, comparisons, lags) in the same shape. */
    static Stats of(List<Double> millis, long errors) {
        Histogram histogram = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
        millis.forEach(ms -> histogram.recordValue(Math.max(1, Math.round(ms * 1000))));
        double total = millis.stream().mapToDouble(Double::doubleValue).sum() / 1000;
        return new Stats(1, histogram.getTotalCount(), errors, 0, total, ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    static int send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
