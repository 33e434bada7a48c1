package ru.school500.roadmapservice.outbox;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param nextPosition the cursor to send as {@code after} next time (the last position returned, or the
 *                     {@code after} that was given when nothing is new)
 * @param hasMore      more changes are visible right now
 */
public record ChangeBatch(List<Change> changes, long nextPosition, boolean hasMore) {
}
