package ru.school500.roadmapservice.outbox;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One change of the feed (docs/conventions.md). Apply idempotently by ({@code type}, {@code id},
 * {@code version}): an older version never overwrites a newer one.
 *
 * @param payload for {@code ROADMAP} {@code UPSERT}: the whole roadmap as {@code GET /api/roadmaps/{id}} returns
 *                it; for {@code DELETE}: {@code id}, {@code region}, {@code status}
 */
public record Change(long position, String type, UUID id, long version, ChangeOperation operation,
        Instant occurredAt, JsonNode payload) {
}
