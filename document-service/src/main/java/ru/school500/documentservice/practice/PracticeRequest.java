package ru.school500.documentservice.practice;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A practice as its author describes it (create and edit). */
public record PracticeRequest(
        @NotBlank @Size(max = 1000) String title,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 300) String> authors,
        @NotBlank String direction,
        @NotNull EducationLevel educationLevel,
        @Size(max = 10) List<String> riskFactors,
        @NotBlank @Size(max = 100_000) String description,
        @Size(max = 100_000) String results) {
}
