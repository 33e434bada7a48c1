package ru.school500.roadmapservice.roadmap.importer;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.school500.roadmapservice.roadmap.Deadline;
import ru.school500.roadmapservice.roadmap.DeadlineKind;
import ru.school500.roadmapservice.roadmap.ItemDraft;
import ru.school500.roadmapservice.roadmap.OrderReference;
import ru.school500.roadmapservice.roadmap.OrganisationDraft;
import ru.school500.roadmapservice.roadmap.OrganisationType;
import ru.school500.roadmapservice.roadmap.Period;
import ru.school500.roadmapservice.roadmap.RoadmapDraft;
import ru.school500.roadmapservice.roadmap.RoadmapLevel;
import ru.school500.roadmapservice.roadmap.SectionDraft;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Item;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Section;

/**
 * What the importer read ({@link RoadmapPreview}) as the {@link RoadmapDraft} the roadmap feature stores. Text
 * is taken as read; where the two models differ:
 * <ul>
 * <li>deadline kinds: {@code SEVERAL} is {@code RECURRING}; {@code DEADLINE} ("до 23.12.2021") is {@code ONCE}
 * with open-start periods; {@code EMPTY} is {@code UNPARSED} without text; a recurrence frequency is not kept;</li>
 * <li>executors are named by their organisation's full name, so each resolves to exactly that organisation;
 * organisations keep every spelling the document used as aliases (the preview does not tell which one is the
 * defined abbreviation, so there is no short name);</li>
 * <li>a section's extra heading rows become sections without items, the last of them holding the items,
 * so the annex reads back row by row;</li>
 * <li>cells of unrecognised columns go into the item's notes as "heading: text";</li>
 * <li>the annex's approval stamp ("УТВЕРЖДЕНА … от 14.03.2021 № 294-мер") becomes the order's annex citation;</li>
 * <li>level as read (or as the operator chose); a municipal roadmap's municipality code only as the operator gave
 * it, the preview knowing the municipality's name only; an organisation's name as written is one of its aliases;</li>
 * <li>a section's extra heading rows keep the section's number.</li>
 * </ul>
 */
final class DraftFromPreview {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private DraftFromPreview() {
    }

    /**
     * @param region the region the roadmap belongs to
     * @param documentId the source file in document-service, {@code null} before it is stored
     */
    static RoadmapDraft draft(RoadmapPreview preview, String region, UUID documentId) {
        return draft(preview, region, documentId, Choices.NONE);
    }

    /**
     * What the operator sets at import over what was read: the level, and the municipality's code for a
     * municipal roadmap (the preview knows its name only).
     */
    record Choices(RoadmapPreview.Level level, String municipality) {
        static final Choices NONE = new Choices(null, null);
    }

    static RoadmapDraft draft(RoadmapPreview preview, String region, UUID documentId, Choices choices) {
        Map<String, String> names = new HashMap<>();
        List<OrganisationDraft> organisations = new ArrayList<>();
        for (RoadmapPreview.Organisation organisation : preview.organisations()) {
            names.put(organisation.id(), organisation.name());
            List<String> aliases = new ArrayList<>(organisation.aliases());
            if (organisation.writtenAs() != null && aliases.stream().noneMatch(organisation.writtenAs()::equalsIgnoreCase)) {
                aliases.add(organisation.writtenAs());
            }
            organisations.add(new OrganisationDraft(organisation.name(), null, aliases,
                    OrganisationType.valueOf(organisation.type().name())));
        }
        List<SectionDraft> sections = new ArrayList<>();
        for (Section section : preview.sections()) {
            List<ItemDraft> items = section.items().stream().map(item -> item(item, names)).toList();
            String title = section.title() != null && !section.title().isBlank() ? section.title()
                    : section.number() != null ? "Раздел " + section.number() : "Без названия";
            if (section.subtitles().isEmpty()) {
                sections.add(new SectionDraft(section.number(), title, items));
                continue;
            }
            sections.add(new SectionDraft(section.number(), title, List.of()));
            for (int s = 0; s < section.subtitles().size(); s++) {
                boolean last = s == section.subtitles().size() - 1;
                sections.add(new SectionDraft(section.number(), section.subtitles().get(s), last ? items : List.of()));
            }
        }
        RoadmapPreview.OrderHeader order = preview.order();
        String title = preview.title() != null ? preview.title() : order == null ? null : order.title();
        List<String> headings = preview.columns().stream().map(RoadmapPreview.Column::heading).toList();
        RoadmapPreview.Level read = choices.level() != null ? choices.level()
                : preview.level() != null ? preview.level() : RoadmapPreview.Level.REGIONAL;
        RoadmapLevel level = RoadmapLevel.valueOf(read.name());
        String municipality = level == RoadmapLevel.MUNICIPAL ? choices.municipality() : null;
        return new RoadmapDraft(region, level, municipality, title, preview.year(), null, null, headings,
                approvingOrder(order, documentId), repealed(order), organisations, sections);
    }

    private static OrderReference approvingOrder(RoadmapPreview.OrderHeader order, UUID documentId) {
        if (order == null) {
            return documentId == null ? null
                    : new OrderReference(documentId, null, null, null, null, null, null, null, null, null);
        }
        RoadmapPreview.OrderReference cites = order.annexCites();
        String citation = cites == null ? null
                : ((cites.date() == null ? "" : "от " + cites.date().format(DATE) + " ")
                        + (cites.number() == null ? "" : "№ " + cites.number())).strip();
        return new OrderReference(documentId, order.documentType(), order.number(), order.date(), order.authority(),
                order.city(), order.title(), order.signatory() == null ? null : order.signatory().name(),
                order.signatory() == null ? null : order.signatory().position(),
                citation == null || citation.isEmpty() ? null : citation);
    }

    /** Kind and authority of a repealed order are not read separately, so they stay empty. */
    private static List<OrderReference> repealed(RoadmapPreview.OrderHeader order) {
        if (order == null) {
            return List.of();
        }
        return order.repeals().stream()
                .map(ref -> new OrderReference(null, null, ref.number(), ref.date(), null, null, ref.title(), null,
                        null, null))
                .toList();
    }

    private static ItemDraft item(Item item, Map<String, String> organisationNames) {
        List<String> executors = item.executors().stream()
                .map(executor -> organisationNames.getOrDefault(executor.organisation(), executor.name())).toList();
        return new ItemDraft(item.number(), item.text(), deadline(item.deadline()), item.executorsText(), executors,
                item.indicator(), null, null, item.information(), item.links(), notes(item));
    }

    static Deadline deadline(ParsedDeadline deadline) {
        if (deadline == null) {
            return Deadline.unparsed(null);
        }
        String text = deadline.raw() == null || deadline.raw().isBlank() ? null : deadline.raw();
        boolean openStart = deadline.kind() == ParsedDeadline.Kind.DEADLINE;
        List<Period> periods = deadline.periods().stream()
                .map(period -> new Period(openStart ? null : period.start(), period.end())).toList();
        DeadlineKind kind = switch (deadline.kind()) {
            case ONCE, DEADLINE -> DeadlineKind.ONCE;
            case SEVERAL, RECURRING -> DeadlineKind.RECURRING;
            case THROUGHOUT_YEAR -> DeadlineKind.THROUGHOUT_YEAR;
            case PERMANENT -> DeadlineKind.PERMANENT;
            case AS_NEEDED -> DeadlineKind.AS_NEEDED;
            case BY_PLAN -> DeadlineKind.BY_PLAN;
            case EMPTY, UNPARSED -> DeadlineKind.UNPARSED;
        };
        return new Deadline(text, kind, periods);
    }

    private static String notes(Item item) {
        List<String> notes = new ArrayList<>();
        if (item.note() != null && !item.note().isBlank()) {
            notes.add(item.note());
        }
        item.otherColumns().forEach((heading, text) -> {
            if (text != null && !text.isBlank()) {
                notes.add(heading + ": " + text);
            }
        });
        return notes.isEmpty() ? null : String.join("\n", notes);
    }
}
