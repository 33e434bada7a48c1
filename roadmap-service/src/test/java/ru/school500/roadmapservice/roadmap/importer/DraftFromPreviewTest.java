package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import ru.school500.roadmapservice.roadmap.DeadlineKind;
import ru.school500.roadmapservice.roadmap.ItemDraft;
import ru.school500.roadmapservice.roadmap.OrganisationDraft;
import ru.school500.roadmapservice.roadmap.Period;
import ru.school500.roadmapservice.roadmap.RoadmapDraft;
import ru.school500.roadmapservice.roadmap.SectionDraft;

/** The two real orders' previews become drafts the roadmap feature accepts, in its own terms. */
class DraftFromPreviewTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final RoadmapImporter IMPORTER = new RoadmapImporter(ImporterProperties.defaults());

    private final Validator validator = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static RoadmapDraft draft(String fixture, String region, UUID documentId) {
        return DraftFromPreview.draft(IMPORTER.preview(Fixtures.order(fixture)), region, documentId);
    }

    private static List<ItemDraft> items(RoadmapDraft draft) {
        return draft.sections().stream().flatMap(s -> s.items().stream()).toList();
    }

    @Test
    void kirovPreviewBecomesAValidDraftWithTheOrderAndItsDocument() {
        UUID documentId = UUID.randomUUID();
        RoadmapDraft kirov = draft(Fixtures.KIROV, "43", documentId);

        assertThat(validator.validate(kirov)).isEmpty();
        assertThat(kirov.region()).isEqualTo("43");
        assertThat(kirov.year()).isEqualTo(2022);
        assertThat(kirov.sections()).extracting(s -> s.items().size()).containsExactly(11, 10, 3, 3, 4);
        assertThat(kirov.approvingOrder().documentId()).isEqualTo(documentId);
        assertThat(kirov.approvingOrder().number()).isEqualTo("324");
        assertThat(kirov.approvingOrder().kind()).isEqualTo("распоряжение");
        assertThat(kirov.approvingOrder().signatoryPosition()).isEqualTo("Министр образования Кировской области");
        assertThat(kirov.approvingOrder().annexCitation()).isEqualTo("от 16.03.2022 № 324");
        assertThat(kirov.repealedOrders()).extracting(r -> r.number()).containsExactly("384", "620", "1234");
        assertThat(kirov.columnHeadings()).startsWith("№ п/п", "Задачи", "Сроки реализации");
    }

    @Test
    void deadlineByADateHasAnOpenStartAndSeveralMonthsRecur() {
        List<ItemDraft> items = items(draft(Fixtures.KIROV, "43", null));
        ItemDraft first = items.getFirst();
        assertThat(first.deadline().text()).isEqualTo("до 23.12.2021");
        assertThat(first.deadline().kind()).isEqualTo(DeadlineKind.ONCE);
        assertThat(first.deadline().periods()).containsExactly(new Period(null, LocalDate.of(2021, 12, 23)));
        ItemDraft roundTables = items.stream().filter(i -> "3.2".equals(i.number())).findFirst().orElseThrow();
        assertThat(roundTables.deadline().kind()).isEqualTo(DeadlineKind.RECURRING);
        assertThat(roundTables.deadline().periods()).hasSize(4);
    }

    @Test
    void executorsAreNamedByTheirOrganisationsFullName() {
        RoadmapDraft kirov = draft(Fixtures.KIROV, "43", null);
        List<String> names = kirov.organisations().stream().map(OrganisationDraft::fullName).toList();
        assertThat(items(kirov)).allSatisfy(item -> assertThat(names).containsAll(item.executors()));
        assertThat(kirov.organisations()).filteredOn(o -> o.aliases().contains("ЦНППМ")).hasSize(1);
    }

    @Test
    void irkutskExtraHeadingRowIsASectionOfItsOwnAndTheContradictionStaysVisible() {
        RoadmapDraft irkutsk = draft(Fixtures.IRKUTSK, "38", null);

        assertThat(validator.validate(irkutsk)).isEmpty();
        SectionDraft heading = irkutsk.sections().get(0);
        SectionDraft subtitle = irkutsk.sections().get(1);
        assertThat(heading.number()).isEqualTo("1");
        assertThat(heading.items()).isEmpty();
        assertThat(subtitle.title()).startsWith("Создание организационной инфраструктуры");
        assertThat(subtitle.number()).as("a section's extra heading row keeps its number").isEqualTo("1");
        assertThat(subtitle.items()).hasSize(46);
        assertThat(items(irkutsk)).hasSize(74);
        assertThat(irkutsk.approvingOrder().number()).isEqualTo("294-сп");
        assertThat(irkutsk.approvingOrder().annexCitation()).isEqualTo("от 14.03.2021 № 294-мер");
    }

    @Test
    void municipalOrderBecomesAMunicipalDraftWithTheCodeTheOperatorGives() throws Exception {
        RoadmapPreview preview = IMPORTER.preview(java.nio.file.Files.readAllBytes(
                OrderCorpusTest.CORPUS.resolve("municipal-flat-chromium.pdf")));

        RoadmapDraft read = DraftFromPreview.draft(preview, "43", null);
        RoadmapDraft chosen = DraftFromPreview.draft(preview, "43", null,
                new DraftFromPreview.Choices(null, "43-05"));
        RoadmapDraft corrected = DraftFromPreview.draft(preview, "43", null,
                new DraftFromPreview.Choices(RoadmapPreview.Level.REGIONAL, "43-05"));

        assertThat(preview.level()).isEqualTo(RoadmapPreview.Level.MUNICIPAL);
        assertThat(read.level()).isEqualTo(ru.school500.roadmapservice.roadmap.RoadmapLevel.MUNICIPAL);
        assertThat(read.municipality()).isNull();
        assertThat(chosen.municipality()).isEqualTo("43-05");
        assertThat(corrected.level()).isEqualTo(ru.school500.roadmapservice.roadmap.RoadmapLevel.REGIONAL);
        assertThat(corrected.municipality()).isNull();
        assertThat(validator.validate(chosen)).isEmpty();
    }

    @Test
    void organisationKeepsTheNameAsWrittenAmongItsAliases() {
        RoadmapDraft kirov = draft(Fixtures.KIROV, "43", null);

        assertThat(kirov.organisations()).filteredOn(o -> o.aliases().contains("ОМСУ")).singleElement()
                .satisfies(o -> {
                    assertThat(o.fullName()).isEqualTo(
                            "Органы местного самоуправления, осуществляющие управление в сфере образования");
                    assertThat(o.aliases()).contains(
                            "органов местного самоуправления, осуществляющих управление в сфере образования");
                });
    }
}
