package ru.school500.searchservice.elasticsearch;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

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
 */
@Validated
@ConfigurationProperties("platform.elasticsearch")
public record ElasticsearchProperties(@NotNull URI url, @NotBlank String indexPrefix, @NotNull Duration connectTimeout,
        @NotNull Duration socketTimeout) {
}
