package ru.school500.roadmapservice.roadmap.export;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import ru.school500.roadmapservice.roadmap.OrderReference;
import ru.school500.roadmapservice.roadmap.RoadmapView;

/**
 * The column layout of an order's annex, shared by XLSX and CSV: a header row with the six columns, then for
 * each section a section row ("1. Организационные мероприятия…" in the first column) followed by its items.
 */
final class AnnexLayout {

    static final List<String> COLUMNS = List.of("№ п/п", "Наименование мероприятия", "Срок реализации",
            "Ответственные исполнители", "Показатель реализации", "Информационное сопровождение");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private AnnexLayout() {
    }

    /** One table row: a section row has only its first cell filled. */
    record Row(boolean section, List<String> cells) {
    }

    static List<Row> rows(RoadmapView roadmap) {
        List<Row> rows = new ArrayList<>();
        for (RoadmapView.SectionView section : roadmap.sections()) {
            String heading = section.number() == null || section.number().isBlank() ? section.title()
                    : sectionNumber(section.number()) + " " + section.title();
            rows.add(new Row(true, List.of(heading, "", "", "", "", "")));
            for (RoadmapView.ItemView item : section.items()) {
                rows.add(new Row(false, List.of(text(item.number()), item.task(), text(item.deadline().text()),
                        executors(item), text(item.indicatorText()), information(item))));
            }
        }
        return rows;
    }

    /** "Утверждена распоряжением … от 16.03.2022 № 324", or the status of a roadmap not (yet) approved. */
    static String approvalLine(RoadmapView roadmap) {
        OrderReference order = roadmap.approvingOrder();
        String status = switch (roadmap.status()) {
            case DRAFT -> "Проект (черновик)";
            case APPROVED -> "Утверждена";
            case SUPERSEDED -> "Утратила силу (заменена новой редакцией)";
        };
        if (order == null) {
            return status;
        }
        StringBuilder line = new StringBuilder(status).append(": ");
        line.append(order.kind() == null ? "распоряжение" : order.kind().toLowerCase());
        if (order.authority() != null) {
            line.append(' ').append(order.authority());
        }
        if (order.date() != null) {
            line.append(" от ").append(DATE.format(order.date()));
        }
        if (order.number() != null) {
            line.append(" № ").append(order.number());
        }
        return line.toString();
    }

    private static String executors(RoadmapView.ItemView item) {
        if (item.executorsText() != null) {
            return item.executorsText();
        }
        return String.join(", ", item.executors().stream()
                .map(e -> e.shortName() != null ? e.shortName() : e.fullName()).toList());
    }

    private static String information(RoadmapView.ItemView item) {
        if (item.informationText() != null) {
            return item.informationText();
        }
        return String.join("\n", item.links());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** "1" as the annex writes it, "1."; a number written with its dot, or a Roman one, is kept as written. */
    static String sectionNumber(String number) {
        String stripped = number.strip();
        return stripped.endsWith(".") || stripped.endsWith(")") ? stripped : stripped + ".";
    }
}
