package ru.school500.searchservice.indexing.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The change feeds to pull. The poll interval bounds freshness: an acknowledged upload is in the feed at
 * once, so it is searchable within about one interval plus one bulk write with refresh.
 *
 * @param enabled         pull at all (off in tests that feed the indexer directly)
 * @param sources         feed name → base URL of the service that serves {@code /internal/changes}; several
 *                        (comma-separated) when the service runs as several instances without a load balancer
 *                        in front: a failed pull moves on to the next
 * @param pollInterval    pause between polls when a feed has nothing new
 * @param maxBackoff      longest pause after repeated failures (source or Elasticsearch down)
 * @param batchSize       changes per request (the feeds allow at most 500)
 * @param clientRegistration the OAuth2 client-credentials registration that authenticates the pulls
 * @param leaseDuration   how long an instance holds a feed without renewing ({@link FeedLeases}): when it
 *                        dies, another instance resumes that feed after at most this long
 */
@Validated
@ConfigurationProperties("platform.feed")
public record FeedProperties(boolean enabled, @NotEmpty Map<String, @NotEmpty List<URI>> sources, @NotNull Duration pollInterval,
        @NotNull Duration maxBackoff, @Min(1) @Max(500) int batchSize, @NotNull String clientRegistration,
        @NotNull Duration leaseDuration) {
}
