package ru.school500.documentservice.document;

import java.time.Duration;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Stored uploads by document type: {@code platform_upload_size_bytes} (the file's size) and
 * {@code platform_upload_duration_seconds} (from the first byte of the request to the commit, streaming to S3
 * included), both as histograms so that percentiles add up across instances.
 */
@Component
class UploadMetrics {

    private final MeterRegistry registry;

    UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (DocumentType type : DocumentType.values()) {
            size(type);
            duration(type);
        }
    }

    void stored(DocumentType type, long bytes, Duration took) {
        size(type).record(bytes);
        duration(type).record(took);
    }

    private DistributionSummary size(DocumentType type) {
        return DistributionSummary.builder("platform.upload.size").baseUnit("bytes")
                .description("Size of stored uploads").tag("type", type.name())
                .serviceLevelObjectives(64 * 1024, 1024 * 1024, 10 * 1024 * 1024, 50 * 1024 * 1024,
                        200 * 1024 * 1024, 1024 * 1024 * 1024)
                .register(registry);
    }

    private Timer duration(DocumentType type) {
        return Timer.builder("platform.upload.duration").description("Time from the start of an upload to its commit")
                .tag("type", type.name()).publishPercentileHistogram().register(registry);
    }
}
