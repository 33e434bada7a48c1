package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.school500.roadmapservice.roadmap.importer.extraction.DocumentExtractor;

/**
 * The fixture roadmaps rebuilt as a Word document (real tables, repeated and physically repeated heading,
 * merged section rows) and as a PDF (wrapped cells, rows continued after page breaks under a repeated
 * heading) import to the same preview as the converted text.
 */
class OtherFormatsImportTest {

    private final RoadmapImporter importer = new RoadmapImporter(ImporterProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.IRKUTSK, Fixtures.KIROV})
    void docxWithRealTablesImportsLikeTheText(String name) {
        RoadmapPreview preview = importer.preview(OrderDocuments.docx(FixtureOrders.rebuilt(name), 20));

        assertThat(preview.format()).isEqualTo(DocumentExtractor.DOCX);
        assertThat(FixtureOrders.difference(preview, FixtureOrders.golden(name))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.IRKUTSK, Fixtures.KIROV})
    void pdfWithWrappedCellsAndPageBreaksImportsLikeTheText(String name) throws IOException {
        Path font = OrderDocuments.cyrillicFont();
        assumeTrue(font != null, "no font with Cyrillic glyphs on this machine");

        byte[] pdf = OrderDocuments.pdf(FixtureOrders.rebuilt(name), font);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("rows continue across pages").isGreaterThan(3);
        }

        RoadmapPreview preview = importer.preview(pdf);

        assertThat(preview.format()).isEqualTo(DocumentExtractor.PDF);
        assertThat(FixtureOrders.difference(preview, FixtureOrders.golden(name))).isNull();
    }
}
