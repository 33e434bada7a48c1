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
 * <p>
 * Users behave like the web page: a request refused with 503 or 429 and a {@code Retry-After} of seconds is sent
 * again after that wait, and its latency runs to the answer that finally came, waits included. Only the answer a
 * request ends with counts as an error; a refusal whose wait would outlast {@code maxTime} ends the request as one.
 */
final class LoadRun {

    /**
     * What one run measured; latencies in milliseconds.
     *
     * @param throttled answers 429 of the rate limiter, waited out or not
     * @param waited refusals (503 or 429) whose {@code Retry-After} the user waited out before sending again
     */
    record Stats(int users, long requests, long errors, long throttled, long waited, double seconds, double p50,
            double p95, double p99, double max) {
        double throughput() {
            return seconds == 0 ? 0 : requests / seconds;
        }
    }

    private LoadRun() {
    }

    /** {@code next} answers the n-th request (n counts over all users together). */
    static Stats run(HttpClient http, int users, int warmUp, int maxRequests, Duration maxTime,
            IntFunction<HttpRequest> next) {
        return new Tally().load(http, users, warmUp, null, maxRequests, maxTime, next).stats(users);
    }

    /**
     * The closed loop against several targets in turn: {@code rounds} rounds, each giving every target a share of
     * {@code maxRequests} and {@code maxTime}, so that a slow moment of the machine falls on a round of each target
     * rather than on one target. Each target's warm-up runs once before the first round; its request numbers go on
     * from round to round. One result per target, in their order.
     */
    static List<Stats> interleaved(HttpClient http, int users, int warmUp, int rounds, int maxRequests, Duration maxTime,
            List<IntFunction<HttpRequest>> targets) {
        List<Tally> tallies = targets.stream().map(target -> new Tally()).toList();
        for (int round = 0; round < rounds; round++) {
            int share = maxRequests / rounds + (round < maxRequests % rounds ? 1 : 0);
            for (int t = 0; t < targets.size(); t++) {
                tallies.get(t).load(http, users, round == 0 ? warmUp : 0, null, share, maxTime.dividedBy(rounds),
                        targets.get(t));
            }
        }
        return tallies.stream().map(tally -> tally.stats(users)).toList();
    }

    /**
     * An open load: {@code users} clients, each sending a request every {@code interval} (the users' start times
     * spread evenly over one interval), like people who wait between their clicks. A latency counts from the moment
     * the request was due, so a request sent late because the previous one of its user was slow counts its wait
     * too (no coordinated omission). Bounded by {@code maxRequests} in all and by {@code maxTime}.
     */
    static Stats paced(HttpClient http, int users, int warmUp, Duration interval, int maxRequests, Duration maxTime,
            IntFunction<HttpRequest> next) {
        return new Tally().load(http, users, warmUp, interval, maxRequests, maxTime, next).stats(users);
    }

    /** What one or more loads against one target recorded; each load goes on with the target's next request. */
    private static final class Tally {
        private final Histogram histogram = new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3);
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong throttled = new AtomicLong();
        private final AtomicLong waited = new AtomicLong();
        private long nanos;
        /** The number of the next request to send (warm-ups included). */
        private long numbered;

        Stats stats(int users) {
            return new Stats(users, histogram.getTotalCount(), errors.get(), throttled.get(), waited.get(), nanos / 1e9,
                    ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                    ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
        }

        /**
         * {@code warmUp} requests not recorded, then up to {@code maxRequests} recorded ones.
         * {@code interval} null: closed loop, each latency from the send; else paced, each latency from when it was due.
         */
        Tally load(HttpClient http, int users, int warmUp, Duration interval, int maxRequests, Duration maxTime,
                IntFunction<HttpRequest> next) {
            for (int i = 0; i < warmUp; i++) {
                send(http, next.apply((int) numbered++));
            }
            AtomicLong counter = new AtomicLong(numbered);
            long limit = numbered + maxRequests;
            long started = System.nanoTime();
            long deadline = started + maxTime.toNanos();
            long step = interval == null ? 0 : interval.toNanos();
            try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
                List<Future<Histogram>> futures = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    long firstDue = started + step * u / users;
                    futures.add(pool.submit(() -> {
                        Histogram own = new Histogram(histogram.getHighestTrackableValue(), 3);
                        for (long due = firstDue; (interval == null ? System.nanoTime() : due) < deadline; due += step) {
                            long n = counter.getAndIncrement();
                            if (n >= limit) {
                                break;
                            }
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            long from = interval == null ? System.nanoTime() : due;
                            Answer answer = patiently(http, next.apply((int) n), deadline);
                            long micros = (System.nanoTime() - from) / 1000;
                            own.recordValue(Math.min(Math.max(micros, 1), own.getHighestTrackableValue()));
                            if (answer.status() == 429) {
                                throttled.incrementAndGet();
                            }
                            if (answer.status() < 200 || answer.status() >= 300) {
                                errors.incrementAndGet();
                            }
                        }
                        return own;
                    }));
                }
                for (Future<Histogram> future : futures) {
                    histogram.add(future.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException("load run failed", e);
            }
            nanos += System.nanoTime() - started;
            // each user that stopped at the limit had taken one number past it
            numbered = Math.min(counter.get(), limit);
            return this;
        }

        /** The request, sent again after each refusal's Retry-After while that wait ends before the deadline. */
        private Answer patiently(HttpClient http, HttpRequest request, long deadline) {
            Answer answer = exchange(http, request);
            while (answer.retryAfter() != null && System.nanoTime() + answer.retryAfter().toNanos() < deadline) {
                if (answer.status() == 429) {
                    throttled.incrementAndGet();
                }
                waited.incrementAndGet();
                LockSupport.parkNanos(answer.retryAfter().toNanos());
                answer = exchange(http, request);
            }
            return answer;
        }
    }

    /** Latencies of single timed actions (imports, comparisons, lags) in the same shape. */
    static Stats of(List<Double> millis, long errors) {
        Histogram histogram = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
        millis.forEach(ms -> histogram.recordValue(Math.max(1, Math.round(ms * 1000))));
        double total = millis.stream().mapToDouble(Double::doubleValue).sum() / 1000;
        return new Stats(1, histogram.getTotalCount(), errors, 0, 0, total, ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    static int send(HttpClient http, HttpRequest request) {
        return exchange(http, request).status();
    }

    /** @param retryAfter the wait a 503 or 429 asked for, null for any other answer (or a date, or none) */
    record Answer(int status, Duration retryAfter) {
    }

    static Answer exchange(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            Duration retryAfter = status == 429 || status == 503
                    ? response.headers().firstValue("Retry-After").map(LoadRun::seconds).orElse(null)
                    : null;
            return new Answer(status, retryAfter);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    private static Duration seconds(String retryAfter) {
        String value = retryAfter.strip();
        return value.matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
    }
}
