package ru.school500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ru.school500.stack.StackLayout;

class CorpusTest {

    private static final Vocabulary WORDS = Vocabulary.fromOrders(
            StackLayout.findRepoRoot().resolveSibling("shared").resolve("fixtures/roadmaps"));
    private static final List<Corpus.Region> REGIONS = IntStream.rangeClosed(1, 85)
            .mapToObj(i -> new Corpus.Region("%02d".formatted(i), "Регион " + i)).toList();

    @Test
    void theSameSeedGivesTheSameCorpus() {
        BenchConfig config = BenchConfig.tiny();
        Corpus first = Corpus.generate(config, WORDS, REGIONS);
        Corpus second = Corpus.generate(config, WORDS, REGIONS);
        assertThat(second).isEqualTo(first);
        assertThat(Corpus.generate(new BenchConfig("other", 7, 3, 30, 40, 24, 12, 400, List.of(1), 1,
                config.searchTime(), 1, List.of(), 1, 1, 1), WORDS, REGIONS)).isNotEqualTo(first);
    }

    @Test
    void everyRegionGetsARoadmapOfThirtyToAHundredItemsInTheFullCorpus() {
        Corpus corpus = Corpus.generate(BenchConfig.full().withSizes(85, 100, 50), WORDS, REGIONS);
        assertThat(corpus.orders()).hasSize(85);
        assertThat(corpus.orders()).allSatisfy(order -> assertThat(order.items()).isBetween(30, 100));
        assertThat(corpus.orders().stream().map(o -> o.region().code()).distinct()).hasSize(85);
    }

    @Test
    void textsAreRussianOfRealisticLength() {
        Corpus corpus = Corpus.generate(BenchConfig.full().withSizes(3, 50, 20), WORDS, REGIONS);
        assertThat(corpus.practices()).allSatisfy(p -> {
            assertThat(p.description().split(" ").length).isGreaterThanOrEqualTo(150);
            assertThat(p.description()).containsPattern("[а-яё]{5,}");
        });
        assertThat(corpus.materials()).allSatisfy(m -> assertThat(m.text().split(" ").length).isGreaterThanOrEqualTo(750));
        assertThat(corpus.practices().stream().map(Corpus.Practice::title).distinct()).hasSize(50);
    }

    @Test
    void anOrderRendersAsTextWordAndPdf() {
        Corpus.Order order = Corpus.generate(BenchConfig.tiny(), WORDS, REGIONS).orders().getFirst();
        String txt = new String(OrderFormats.txt(order), StandardCharsets.UTF_8);
        assertThat(txt).contains("РАСПОРЯЖЕНИЕ", String.join("\t", OrderFormats.HEADINGS));
        assertThat(txt.lines().filter(l -> l.matches("^\\d+\\.\\d+\\t.*"))).hasSize(order.items());
        byte[] docx = OrderFormats.docx(order);
        assertThat(new String(docx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        byte[] pdf = OrderFormats.pdf(order);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")).exists();
    }
}
