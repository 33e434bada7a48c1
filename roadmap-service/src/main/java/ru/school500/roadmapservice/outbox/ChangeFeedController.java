package ru.school500.roadmapservice.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The change feed search-service pulls (not routed by the gateway; ROLE_INDEXER only). */
@RestController
@Tag(name = "Лента изменений (внутренняя)")
class ChangeFeedController {

    private final ChangeFeed feed;

    ChangeFeedController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/internal/changes")
    @Operation(summary = "Изменения после позиции after, по возрастанию позиции (limit ≤ 500)")
    ChangeBatch changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(required = false) @Min(1) @Max(500) Integer limit) {
        return feed.after(after, limit);
    }
}
