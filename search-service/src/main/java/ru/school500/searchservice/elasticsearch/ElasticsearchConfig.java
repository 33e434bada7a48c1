package ru.school500.searchservice.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch Java API client 8.19, defined here because Spring Boot 4's auto-configuration is
 * built for the 9.x client. JSON goes through the application's Jackson 3 mapper. Credentials and a trusted
 * CA are optional: the local stack runs Elasticsearch without security, deployed clusters with it.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfig {

    /** Connections beyond the reads' own: the feed's bulk writes, its lease and cursor, index administration. */
    static final int CONNECTIONS_BESIDE_READS = 8;

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties, ElasticsearchReadLimits reads,
            SslBundles sslBundles) {
        // the client's own pool holds 10 connections to a node: with more reads admitted by the guard, the rest
        // would wait for a connection without a time limit, be sent after the time limiter had given up on them,
        // and the feed's writes would wait behind them
        int connections = reads.maxConcurrent() + CONNECTIONS_BESIDE_READS;
        RestClientBuilder builder = RestClient.builder(HttpHost.create(properties.url().toString()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()));
        if (properties.username() != null) {
            // sent with every request (no 401 round trip), encoded as UTF-8: the client's own challenge
            // handling encodes credentials as ASCII
            String credentials = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
            builder.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))});
        }
        SslBundle bundle = properties.sslBundle() == null ? null : sslBundles.getBundle(properties.sslBundle());
        builder.setHttpClientConfigCallback(http -> {
            http.setMaxConnPerRoute(connections).setMaxConnTotal(connections);
            return bundle == null ? http : http.setSSLContext(bundle.createSslContext());
        });
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient, JsonMapper jsonMapper) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper(jsonMapper)));
    }
}
