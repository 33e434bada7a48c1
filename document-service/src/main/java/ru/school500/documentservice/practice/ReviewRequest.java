package ru.school500.documentservice.practice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The expert's decision: conclusion and score (publish, reject) or comments (return). */
public record ReviewRequest(
        @Size(max = 20_000) String conclusion,
        @Min(0) @Max(100) Integer score,
        @Size(max = 4000) String comment) {
}
