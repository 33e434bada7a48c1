package ru.school500.roadmapservice.roadmap.importer;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where document-service answers ({@code platform.services.*}, the same name the gateway uses for its route;
 * override with {@code PLATFORM_SERVICES_DOCUMENT}). The importer stores the original order file there.
 *
 * @param document base URL of document-service, without a path: {@code /api/documents} is appended
 */
@Validated
@ConfigurationProperties("platform.services")
public record DocumentServiceProperties(@NotNull @DefaultValue("http://127.0.0.1:8082") URI document) {
}
