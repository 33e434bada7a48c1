package ru.school500.documentservice.document.extraction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code platform.extraction.*}: asynchronous Tika text extraction, bounded in time, input size and
 * output length.
 */
@Validated
@ConfigurationProperties("platform.extraction")
public record ExtractionProperties(
        boolean enabled,
        @NotNull Duration pollInterval,
        /** One file's parse is abandoned (and recorded as failed) after this long. */
        @NotNull Duration timeout,
        /** Larger files are not parsed (recorded as skipped). */
        @NotNull DataSize maxInputSize,
        /** Characters of text kept per version; the rest is cut and marked truncated. */
        @Min(1) int maxTextLength) {
}
