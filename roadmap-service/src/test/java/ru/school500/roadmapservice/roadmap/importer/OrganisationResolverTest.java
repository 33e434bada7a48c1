package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.OrganisationType;

class OrganisationResolverTest {

    @Test
    void splitsExecutorsOutsideQuotesAndParentheses() {
        assertThat(OrganisationResolver.split("ЦНППМ, ГАУ «Центр оценки мастерства, квалификации педагогов», "
                + "органы местного самоуправления, осуществляющие управление в сфере образования; школы"))
                .containsExactly("ЦНППМ", "ГАУ «Центр оценки мастерства, квалификации педагогов»",
                        "органы местного самоуправления, осуществляющие управление в сфере образования", "школы");
    }

    @Test
    void findsTheFullNameAnInlineDefinitionStandsFor() {
        String text = "Проведение «круглых столов» на базе органов местного самоуправления, осуществляющих "
                + "управление в сфере образования (далее – ОМСУ)";
        assertThat(OrganisationResolver.fullNameBefore(text, text.indexOf("(далее")))
                .isEqualTo("органов местного самоуправления, осуществляющих управление в сфере образования");
        String stamp = "списка кураторов, рекомендованных федеральным государственным бюджетным учреждением "
                + "«Федеральный институт оценки качества образования» (далее – ФИОКО)";
        assertThat(OrganisationResolver.fullNameBefore(stamp, stamp.indexOf("(далее"))).isEqualTo(
                "федеральным государственным бюджетным учреждением «Федеральный институт оценки качества образования»");
    }

    @Test
    void resolvesAbbreviationDefinedAnywhereAndNamesTheAuthorityAsInTheHeader() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver("Министерство образования Кировской области", warnings);
        resolver.learn("актов министерства образования Кировской области (далее – министерство образования)");

        assertThat(resolver.resolve("министерство образования", "1.1", 1, "Исполнители"))
                .singleElement().satisfies(e -> assertThat(e.organisation()).isEqualTo("org-1"));
        assertThat(resolver.organisations()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Министерство образования Кировской области");
            assertThat(o.type()).isEqualTo(OrganisationType.MINISTRY);
            assertThat(o.aliases()).contains("министерство образования");
        });
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void matchesUndefinedAbbreviationByItsQuotedNameWithAWarning() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver(null, warnings);
        resolver.learnExecutors("Кировское областное государственное автономное учреждение «Центр оценки качества "
                + "образования» (далее – КОГАУ «Центр оценки качества образования»)", "2.5", 90);

        resolver.resolve("КОГОАУ «Центр оценки качества образования»", "2.5", 90, "Исполнители");

        assertThat(resolver.organisations()).hasSize(1);
        assertThat(warnings.list()).extracting(ImportWarning::code).containsExactly(Code.ALIAS_MISMATCH);
    }
}
