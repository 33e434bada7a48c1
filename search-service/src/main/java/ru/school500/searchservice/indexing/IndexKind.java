package ru.school500.searchservice.indexing;

/** One index (behind one alias) per kind of source record. */
public enum IndexKind {
    PRACTICES("practices"),
    DOCUMENTS("documents"),
    ROADMAPS("roadmaps");

    private final String segment;

    IndexKind(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }
}
