package ru.school500.searchservice.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.school500.searchservice.support.Changes;

class ChangeTranslatorTest {

    private final ChangeTranslator translator = new ChangeTranslator();

    @Test
    void aRoadmapBecomesOneRecordPlusOneRecordPerItemAllAtTheRoadmapsVersion() {
        ChangeTranslator.Translation translation = translator.translate(List.of(Changes.roadmap("r1").version(4)
                .section("1.", "Организация", Changes.Item.of("1.1", "Мониторинг"), Changes.Item.of("1.2", "Вебинар"))
                .change()));

        assertThat(translation.docs()).hasSize(3).allMatch(doc -> doc.version() == 4);
        assertThat(translation.docs().getFirst().source()).containsEntry("type", "ROADMAP")
                .containsEntry("readers", List.of("public"));
        assertThat(translation.docs().get(1).source()).containsEntry("itemNumber", "1.1")
                .containsEntry("roadmapId", "r1").containsEntry("executorTypes", List.of("MINISTRY"));
        assertThat(translation.sweeps()).containsExactly(new ChangeTranslator.StaleItemSweep("r1", 4));
    }

    @Test
    void signaturesAndDeletesBecomeTombstonesThatNobodyReads() {
        ChangeTranslator.Translation translation = translator.translate(List.of(
                Changes.document("d1").type("SIGNATURE").change(), Changes.delete("PRACTICE", "p1", 7)));

        assertThat(translation.docs()).extracting(IndexedDoc::source)
                .allSatisfy(source -> assertThat(source).containsEntry("deleted", true).containsEntry("readers", List.of()));
        assertThat(translation.docs().get(1).version()).isEqualTo(7);
    }

    @Test
    void anUnreadablePayloadIsSkippedAndTheRestOfTheBatchIsIndexed() {
        FeedChange broken = new FeedChange(3, "ROADMAP", "r2", 1, "UPSERT", null);

        ChangeTranslator.Translation translation = translator.translate(List.of(broken,
                Changes.practice("p2").title("Практика").change()));

        assertThat(translation.docs()).extracting(IndexedDoc::id).containsExactly("p2");
    }

    @Test
    void onlyTheNewestVersionOfEachRecordInABatchIsWritten() {
        ChangeTranslator.Translation translation = translator.translate(List.of(
                Changes.practice("p4").title("Черновик").status("DRAFT").version(1).change(),
                Changes.practice("p5").title("Другая").version(1).change(),
                Changes.practice("p4").title("Опубликована").status("PUBLISHED").version(3).change(),
                Changes.practice("p4").title("Повтор старой").status("SUBMITTED").version(2).change(),
                Changes.delete("PRACTICE", "p5", 2),
                Changes.roadmap("p4").version(1).section("1.", "Раздел", Changes.Item.of("1.1", "Мониторинг")).change()));

        // a roadmap with the same id is another record: its change is kept, with its item
        assertThat(translation.docs()).hasSize(4);
        assertThat(translation.docs().subList(0, 3)).extracting(doc -> doc.kind() + " " + doc.id() + "@" + doc.version())
                .containsExactly("PRACTICES p4@3", "PRACTICES p5@2", "ROADMAPS p4@1");
        assertThat(translation.docs().get(3).source()).containsEntry("itemNumber", "1.1");
        assertThat(translation.docs().getFirst().source()).containsEntry("title", "Опубликована");
        assertThat(translation.docs().get(1).source()).containsEntry("deleted", true);
        assertThat(translation.sweeps()).containsExactly(new ChangeTranslator.StaleItemSweep("p4", 1));
    }

    @Test
    void aPracticesAuthorsAreTextNotAJsonArray() {
        IndexedDoc practice = translator.translate(List.of(Changes.practice("p3").title("Практика").change())).docs()
                .getFirst();

        assertThat((String) practice.source().get("text")).contains("Иванова А. А., Петров Б. В.").doesNotContain("[");
    }
}
