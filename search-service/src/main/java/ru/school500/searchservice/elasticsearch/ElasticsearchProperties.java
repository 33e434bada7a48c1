package ru.school500.searchservice.elasticsearch;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Elasticsearch is and how long to wait for it. The timeouts are short on purpose: a search must
 * answer 503 within 2 s when the cluster is down, and indexing simply retries later.
 *
 * @param url           the HTTP endpoint of the cluster
 * @param indexPrefix   prefix of every index and alias this service owns (one cluster may host several
 *                      environments or test runs)
 * @param connectTimeout TCP connect timeout
 * @param socketTimeout  read timeout of a single request
 * @param username       user for HTTP basic authentication, none on a developer's machine (a deployed
 *                       cluster has security on: ECK's {@code elastic} user or a user of the platform's own)
 * @param password       that user's password (a mounted secret in deployments)
 * @param sslBundle      name of a Spring SSL bundle ({@code spring.ssl.bundle.pem.<name>.truststore}) that
 *                       trusts the cluster's HTTPS certificate, e.g. ECK's self-signed CA; none for plain HTTP
 */
@Validated
@ConfigurationProperties("platform.elasticsearch")
public record ElasticsearchProperties(@NotNull URI url, @NotBlank String indexPrefix, @NotNull Duration connectTimeout,
        @NotNull Duration socketTimeout, @Nullable String username, @Nullable String password,
        @Nullable String sslBundle) {
}
