package ru.school500.documentservice.practice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A practice as the API and the change feed show it. */
public record PracticeView(
        UUID id,
        String title,
        List<String> authors,
        String school,
        String region,
        String municipality,
        String direction,
        int directionsVersion,
        EducationLevel educationLevel,
        List<String> riskFactors,
        String description,
        String results,
        PracticeStatus status,
        String expertConclusion,
        Integer score,
        Instant submittedAt,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long revision,
        List<FileView> files,
        List<CommentView> comments) {

    public record FileView(UUID id, String title, int version, String fileName, String contentType, long size,
            String sha256) {
    }

    public record CommentView(UUID id, String author, String authorRole, PracticeStatus status, String text,
            Instant createdAt) {
    }
}
