package ru.school500.documentservice.document.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code platform.storage.*}: the S3 endpoint the MinIO client talks to, the upload limits and the
 * timeouts that make an unreachable S3 a quick 503 rather than a hanging request.
 */
@Validated
@ConfigurationProperties("platform.storage")
public record StorageProperties(
        @NotBlank String endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @NotBlank String bucket,
        /** S3 region sent by the client; S3Proxy and MinIO accept the default. */
        String region,
        /** Largest file accepted; larger uploads end in 413 while streaming. */
        @NotNull DataSize maxFileSize,
        /** Multipart part size: the client buffers one part in memory, S3 needs 5 MiB to 5 GiB. */
        @NotNull DataSize partSize,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration writeTimeout,
        /** Pooled connections idle this long are closed: keep it below S3's own idle timeout (about 60 s). */
        @NotNull Duration idleConnectionTimeout,
        /** A staged object not committed after this long is removed by the sweeper. */
        @NotNull Duration staleStagingAfter,
        @NotNull Duration sweepInterval) {

    @AssertTrue(message = "platform.storage.part-size must be between 5MB and 5GB")
    boolean isPartSizeValid() {
        return partSize == null
                || (partSize.toBytes() >= DataSize.ofMegabytes(5).toBytes()
                        && partSize.toBytes() <= DataSize.ofGigabytes(5).toBytes());
    }
}
