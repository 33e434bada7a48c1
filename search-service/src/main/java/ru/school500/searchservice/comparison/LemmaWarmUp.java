package ru.school500.searchservice.comparison;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.school500.searchservice.indexing.RoadmapItemsIndexed;

/**
 * Prepares newly indexed roadmaps for the comparison as they arrive from the feed ({@link PreparedItems}: their
 * items' lemmas, the rules' and the model's categories), so that a comparison finds them ready. Best effort and
 * off the feed's thread: a failure, or more batches waiting than {@value #QUEUE}, only leaves the work to the
 * first comparison and never holds up indexing.
 */
@Component
class LemmaWarmUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LemmaWarmUp.class);
    static final int QUEUE = 256;

    private final PreparedItems prepared;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "comparison-warm-up");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    LemmaWarmUp(PreparedItems prepared) {
        this.prepared = prepared;
    }

    @EventListener
    void itemsIndexed(RoadmapItemsIndexed event) {
        executor.execute(() -> {
            try {
                prepared.prepare(event.roadmaps());
            } catch (RuntimeException e) {
                log.debug("roadmap items not prepared, the next comparison prepares them: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
