package ru.school500.roadmapservice.roadmap.importer;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the roadmap importer ({@code platform.importer.*}). Every limit bounds the time or memory one
 * upload may cost; a file beyond a limit is refused with a 4xx answer, never parsed in part.
 *
 * @param maxFileSize largest accepted upload (keep {@code spring.servlet.multipart.max-file-size} above it)
 * @param parseTimeout wall-clock limit for extracting and reading one document
 * @param maxTextCharacters most characters of text taken from one document
 * @param maxPages most PDF pages read
 * @param maxUnpackedSize most bytes a DOCX/ODT archive may unpack to
 * @param maxCompressionRatio largest unpacked-to-packed ratio of a DOCX/ODT archive (zip bomb guard)
 * @param maxPdfMemory main memory PDFBox may use before it spills to temporary files
 */
@Validated
@ConfigurationProperties("platform.importer")
public record ImporterProperties(
        @NotNull @DefaultValue("50MB") DataSize maxFileSize,
        @NotNull @DefaultValue("30s") Duration parseTimeout,
        @Positive @DefaultValue("5000000") int maxTextCharacters,
        @Positive @DefaultValue("1000") int maxPages,
        @NotNull @DefaultValue("300MB") DataSize maxUnpackedSize,
        @Positive @DefaultValue("100") int maxCompressionRatio,
        @NotNull @DefaultValue("64MB") DataSize maxPdfMemory) {

    /** The defaults, for use outside Spring (unit tests, tools). */
    public static ImporterProperties defaults() {
        return new ImporterProperties(DataSize.ofMegabytes(50), Duration.ofSeconds(30), 5_000_000, 1000,
                DataSize.ofMegabytes(300), 100, DataSize.ofMegabytes(64));
    }
}
