package ru.school500.searchservice.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;

import com.sun.net.httpserver.HttpServer;

/** A deployed cluster has security on: the client authenticates when it is given a user, and only then. */
class ElasticsearchConfigTest {

    private static final String USER = "elastic";
    private static final String PASSWORD = "пароль-from-secret";

    private HttpServer cluster;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startClusterThatRequiresBasicAuthentication() throws IOException {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cluster.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.sendResponseHeaders(401, body.length);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cluster.start();
    }

    @AfterEach
    void stopCluster() {
        cluster.stop(0);
    }

    @Test
    void aConfiguredUserIsSentAsBasicAuthentication() throws IOException {
        try (RestClient client = client(USER, PASSWORD)) {
            assertThat(client.performRequest(new Request("GET", "/_cluster/health")).getStatusLine().getStatusCode())
                    .isEqualTo(200);
        }
        assertThat(authorizations).last().asString().startsWith("Basic ");
    }

    @Test
    void withoutAUserTheClientSendsNoCredentials() throws IOException {
        try (RestClient client = client(null, null)) {
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/_cluster/health")))
                    .isInstanceOf(ResponseException.class)
                    .hasMessageContaining("401");
        }
        assertThat(authorizations).containsOnly("null");
    }

    private RestClient client(String username, String password) {
        ElasticsearchProperties properties = new ElasticsearchProperties(
                URI.create("http://127.0.0.1:" + cluster.getAddress().getPort()), "test", Duration.ofSeconds(1),
                Duration.ofSeconds(5), username, password, null);
        return new ElasticsearchConfig().elasticsearchRestClient(properties, new ElasticsearchReadLimits(2, 1,
                Duration.ofMillis(500), 0, Duration.ofMillis(100), Duration.ofSeconds(1)), new DefaultSslBundleRegistry());
    }

    /**
     * Every read the guard lets in reaches the cluster at once, with connections to spare for the feed: the
     * client's default pool (10 connections to a node) would hold the 11th read back, without a time limit.
     */
    @Test
    void thePoolHoldsEveryAdmittedReadPlusTheFeedsConnections() throws Exception {
        int maxConcurrent = 32;
        int expected = maxConcurrent + ElasticsearchConfig.CONNECTIONS_BESIDE_READS;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slowCluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        slowCluster.setExecutor(Executors.newCachedThreadPool());
        slowCluster.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slowCluster.start();
        ElasticsearchProperties properties = new ElasticsearchProperties(
                URI.create("http://127.0.0.1:" + slowCluster.getAddress().getPort()), "test", Duration.ofSeconds(1),
                Duration.ofSeconds(30), null, null, null);
        int sent = expected + 10;
        CountDownLatch answered = new CountDownLatch(sent);
        try (RestClient client = new ElasticsearchConfig().elasticsearchRestClient(properties,
                new ElasticsearchReadLimits(maxConcurrent, 4, Duration.ofSeconds(1), 100, Duration.ofMillis(500),
                        Duration.ofMillis(2200)),
                new DefaultSslBundleRegistry())) {
            for (int i = 0; i < sent; i++) {
                client.performRequestAsync(new Request("GET", "/_search"), new ResponseListener() {
                    @Override
                    public void onSuccess(Response response) {
                        answered.countDown();
                    }

                    @Override
                    public void onFailure(Exception exception) {
                        answered.countDown();
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // a moment longer: a pool larger than expected would let the rest in now
            Thread.sleep(300);
            assertThat(mostInFlight.get()).isEqualTo(expected);
            release.countDown();
            assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            slowCluster.stop(0);
        }
    }
}
