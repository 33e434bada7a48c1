package ru.school500.roadmapservice.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code platform.change-feed.*}.
 *
 * @param defaultLimit page size when the reader gives no {@code limit}
 * @param maxLimit     largest page a reader may ask for (the contract says at most 500)
 */
@Validated
@ConfigurationProperties("platform.change-feed")
record ChangeFeedProperties(@DefaultValue("100") @Min(1) @Max(500) int defaultLimit,
        @DefaultValue("500") @Min(1) @Max(500) int maxLimit) {
}
