package ru.school500.gateway.routing;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request body limit of the gateway ({@code platform.request-limits.*}); header and request-line limits are
 * Netty's ({@code server.max-http-request-header-size}, {@code server.netty.max-initial-line-length}).
 *
 * @param maxBodySize largest body of any request outside {@code uploadPaths} (JSON edits, searches, forms)
 * @param uploadPaths path patterns whose bodies are files: left to the services' own limits (1 GB uploads,
 *        50 MB orders), streamed through and never counted here
 */
@Validated
@ConfigurationProperties("platform.request-limits")
record RequestLimitsProperties(
        @NotNull @DefaultValue("10MB") DataSize maxBodySize,
        @NotNull @DefaultValue({"/api/roadmaps/import", "/api/documents", "/api/documents/**"}) List<String> uploadPaths) {
}
