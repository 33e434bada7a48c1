package ru.school500.searchservice.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.Eventually;
import ru.school500.searchservice.indexing.ChangeIndexer;
import ru.school500.searchservice.indexing.IndexAdmin;
import ru.school500.searchservice.support.TestServers;

/**
 * The queue in front of Elasticsearch, on a real cluster: with one read allowed in and one place to wait, a
 * search that finds Elasticsearch busy waits its turn and is answered, one more is refused at once with 503
 * problem+json and a short Retry-After, and none of it counts against the circuit breaker. The deadline is
 * lengthened here only so that the read holding the turn is not cut while the test looks, and the start's warm-up
 * search is off, since it would take a turn of its own.
 */
@SpringBootTest(properties = { "platform.feed.enabled=false", "platform.search.warm-up=false",
        "platform.elasticsearch.reads.max-concurrent=1", "platform.elasticsearch.reads.min-concurrent=1",
        "platform.elasticsearch.reads.max-queued=1", "platform.elasticsearch.reads.max-wait=60s",
        "platform.elasticsearch.reads.deadline=90s" })
@AutoConfigureMockMvc
class ReadQueueIT {

    private static final String PREFIX = "queue-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    MockMvc mvc;

    @Autowired
    ChangeIndexer indexer;

    @Autowired
    IndexAdmin admin;

    @Autowired
    ElasticsearchGuard guard;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("platform.elasticsearch.url", TestServers::elasticsearchUrl);
        registry.add("platform.elasticsearch.index-prefix", () -> PREFIX);
        registry.add("platform.elasticsearch.socket-timeout", () -> "10s");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:1/realms/test");
    }

    @Test
    void aSearchWaitsItsTurnBehindABusyReadAndTheOneBeyondTheQueueIsRefusedAtOnce() throws Exception {
        String marker = "очередь" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String id = Changes.newId();
        admin.ensureIndices();
        indexer.apply(List.of(Changes.practice(id).title("Наставничество " + marker).change()));

        CountDownLatch release = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> guard.call(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }), threads);
            Eventually.within(Duration.ofSeconds(30)).alias("the busy read holds the only turn")
                    .until(() -> guard.inflight() == 1);

            CompletableFuture<MvcResult> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(get("/api/search").param("q", marker)).andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            Eventually.within(Duration.ofSeconds(30)).alias("the search waits in the queue")
                    .until(() -> bulkheads.bulkhead("elasticsearch-queue").getMetrics().getAvailableConcurrentCalls() == 0);
            assertThat(waiting).isNotDone();

            mvc.perform(get("/api/search").param("q", marker))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("перегружен")));

            release.countDown();
            busy.join();
            MvcResult answered = waiting.join();
            assertThat(answered.getResponse().getStatus()).isEqualTo(200);
            assertThat(answered.getResponse().getContentAsString()).contains(id);
        }
        assertThat(breakers.circuitBreaker("elasticsearch").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.circuitBreaker("elasticsearch").getMetrics().getNumberOfFailedCalls()).isZero();
    }
}
