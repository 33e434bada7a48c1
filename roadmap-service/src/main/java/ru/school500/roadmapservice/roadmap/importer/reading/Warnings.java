package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.List;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Location;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning;

/** The warnings of one import, in the order they were found. */
final class Warnings {

    private final List<ImportWarning> list = new ArrayList<>();

    void add(Code code, String message, Location location) {
        list.add(new ImportWarning(code, message, location));
    }

    List<ImportWarning> list() {
        return List.copyOf(list);
    }
}
