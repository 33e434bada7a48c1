package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExecutorTypesTest {

    @Test
    void countsAnItemOncePerExecutorType() {
        List<ComparedItem> items = List.of(
                irkutsk("1.1").by("MINISTRY").build(),
                irkutsk("1.3").by("MUNICIPAL_BODY", "МОУО").by("MUNICIPAL_BODY", "ММС").build(),
                irkutsk("1.2").by("REGIONAL_INSTITUTE").by("MUNICIPAL_BODY").build(),
                kirov("1.1").by("MINISTRY").by("REGIONAL_INSTITUTE").build());

        ExecutorTypes types = ExecutorTypes.of(ComparisonMother.roadmaps(), items);

        assertThat(types.types()).containsExactlyElementsOf(ExecutorTypes.KNOWN);
        ExecutorTypes.RoadmapExecutors irkutsk = types.roadmaps().getFirst();
        assertThat(irkutsk.items()).isEqualTo(3);
        assertThat(irkutsk.types()).extracting(ExecutorTypes.TypeCount::type, ExecutorTypes.TypeCount::count)
                .containsExactly(
                        tuple("MINISTRY", 1),
                        tuple("REGIONAL_INSTITUTE", 1),
                        tuple("MUNICIPAL_BODY", 2),
                        tuple("SCHOOL", 0),
                        tuple("OTHER", 0));
        assertThat(irkutsk.types().get(2).itemNumbers()).containsExactly("1.2", "1.3");
        assertThat(irkutsk.types().get(2).title()).isEqualTo("Муниципальные органы и службы");
        assertThat(types.roadmaps().get(1).types().getFirst().itemNumbers()).containsExactly("1.1");
    }

    @Test
    void executorsWithoutTypeCountAsOtherAndItemsWithoutExecutorsAreListedApart() {
        List<ComparedItem> items = List.of(
                kirov("5.4").by(" ", "профильные ресурсные центры").build(),
                kirov("2.6").build());

        ExecutorTypes.RoadmapExecutors kirov = ExecutorTypes.of(ComparisonMother.roadmaps(), items).roadmaps().get(1);

        assertThat(kirov.types().getLast().type()).isEqualTo("OTHER");
        assertThat(kirov.types().getLast().itemNumbers()).containsExactly("5.4");
        assertThat(kirov.withoutExecutors()).containsExactly("2.6");
    }

    @Test
    void typesBeyondTheKnownFiveGetColumnsAfterThem() {
        List<ComparedItem> items = List.of(irkutsk("1.1").by("FEDERAL").build());

        ExecutorTypes types = ExecutorTypes.of(ComparisonMother.roadmaps(), items);

        assertThat(types.types()).endsWith("OTHER", "FEDERAL");
        assertThat(types.roadmaps()).allSatisfy(roadmap -> assertThat(roadmap.types()).hasSize(6));
        assertThat(ExecutorTypes.title("FEDERAL")).isEqualTo("FEDERAL");
    }
}
