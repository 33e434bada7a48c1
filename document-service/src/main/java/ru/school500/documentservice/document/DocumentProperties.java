package ru.school500.documentservice.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/** {@code platform.documents.*}: how much extracted text goes into a change-feed entry. */
@Validated
@ConfigurationProperties("platform.documents")
public record DocumentProperties(@Min(0) int feedTextLength) {
}
