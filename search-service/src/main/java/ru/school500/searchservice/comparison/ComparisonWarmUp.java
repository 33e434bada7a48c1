package ru.school500.searchservice.comparison;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import ru.school500.searchservice.indexing.RoadmapItemsIndexed;

/**
 * Computes the similar pairs of all regions' current roadmaps once the feed has delivered roadmaps and then been
 * quiet for a moment ({@value #QUIET_MILLIS} ms: a feed that delivers 85 roadmaps one batch after another computes
 * them once, after the last). The first comparison of all regions then finds its pairs ready, as every later one
 * does ({@link ComparisonService#warmCurrentRoadmaps}). Best effort: a failure leaves the work to that comparison.
 */
@Component
class ComparisonWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ComparisonWarmUp.class);
    static final long QUIET_MILLIS = 2_000;

    private final ComparisonService comparisons;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("comparison-warm-up").daemon().factory());
    private ScheduledFuture<?> pending;
    private volatile List<String> lastWarmed = List.of();

    ComparisonWarmUp(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @EventListener
    synchronized void roadmapsIndexed(RoadmapItemsIndexed event) {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::warm, QUIET_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void warm() {
        try {
            long started = System.nanoTime();
            List<String> compared = comparisons.warmCurrentRoadmaps();
            if (!compared.isEmpty()) {
                lastWarmed = compared;
                log.info("similar items of {} current roadmaps computed in {} ms", compared.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.debug("similar items not computed ahead, the first comparison computes them: {}", e.toString());
        }
    }

    /** The roadmap versions ({@code id@version}) whose pairs were computed last. */
    List<String> lastWarmed() {
        return lastWarmed;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
