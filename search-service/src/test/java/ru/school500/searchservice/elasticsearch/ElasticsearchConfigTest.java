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

import org.elasticsearch.client.Request;
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
        return new ElasticsearchConfig().elasticsearchRestClient(properties, new DefaultSslBundleRegistry());
    }
}
