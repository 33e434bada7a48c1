package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument;
import ru.school500.roadmapservice.roadmap.importer.reading.RoadmapReader;

class RoadmapImporterTest {

    @Test
    void parsingThatOutlastsTheTimeLimitIsRefused() {
        ImporterProperties oneMillisecond = new ImporterProperties(DataSize.ofMegabytes(50), Duration.ofMillis(1),
                5_000_000, 1000, DataSize.ofMegabytes(300), 100, DataSize.ofMegabytes(64));
        byte[] large = (new String(Fixtures.order(Fixtures.KIROV), java.nio.charset.StandardCharsets.UTF_8)
                .repeat(20)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new RoadmapImporter(oneMillisecond).preview(large))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_COMPLEX));
    }

    @Test
    void textBeyondTheWriteLimitIsRefused() {
        ImporterProperties small = new ImporterProperties(DataSize.ofMegabytes(50), Duration.ofSeconds(30), 1000, 1000,
                DataSize.ofMegabytes(300), 100, DataSize.ofMegabytes(64));

        assertThatThrownBy(() -> new RoadmapImporter(small).preview(Fixtures.order(Fixtures.KIROV)))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_COMPLEX));
    }

    @Test
    void rowsThatFitNoItemAreWarnedAboutAndNotLost() {
        List<SourceDocument.Block> blocks = List.of(new Text("РАСПОРЯЖЕНИЕ", 1),
                row(2, "№ п/п", "Мероприятие", "Срок", "Исполнитель"),
                row(3, "1. Раздел", "", "", ""),
                row(4, "1.1", "Первое", "март", "ИРО"),
                row(5, "Итого", "", "", ""),
                row(6, "1.1", "Повтор", "май", "ИРО"));

        RoadmapPreview preview = new RoadmapReader().read(new SourceDocument("text/plain", blocks));

        assertThat(preview.warnings()).extracting(ImportWarning::code).contains(ImportWarning.Code.UNPLACED_ROW,
                ImportWarning.Code.DUPLICATE_NUMBER, ImportWarning.Code.MISSING_HEADER_FIELD);
        assertThat(preview.itemCount()).isEqualTo(2);
    }

    private static Row row(int line, String... cells) {
        return new Row(java.util.Arrays.stream(cells).map(Cell::of).toList(), line, false, 1);
    }
}
