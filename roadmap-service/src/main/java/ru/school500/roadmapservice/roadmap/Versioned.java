package ru.school500.roadmapservice.roadmap;

/** A part of a roadmap with the roadmap's version, which is the part's {@code ETag}. */
public record Versioned<T>(T body, long version) {
}
