package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Kind;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Period;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.OrderDocuments.AnnexRow;
import ru.school500.roadmapservice.roadmap.importer.OrderDocuments.Order;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Item;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.OrganisationType;

/**
 * Layouts no fixture has, generated here so the importer is not tuned to two documents: other column names
 * in another order (executors before the task, deadline last, a note and an unknown column), and a two-level
 * heading with a column-number row whose deadline is split into start and end.
 */
class GeneratedLayoutsTest {

    private static final List<String> ORDER = List.of(
            "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ ТЕСТОВОЙ ОБЛАСТИ", "ПРИКАЗ", "10.01.2023", "№ 15-о", "г. Тестоград",
            "Об утверждении дорожной карты проекта «500+» на 2023 год",
            "В соответствии с письмом ФИОКО приказываю:",
            "1. Утвердить дорожную карту проекта «500+» в Тестовой области на 2023 год (приложение).",
            "2. Признать утратившим силу приказ министерства образования и науки Тестовой области "
                    + "от 12 января 2022 года № 7-о «О дорожной карте».",
            "3. Контроль за исполнением приказа оставляю за собой.", "Министр", "Иванов И.И.", "Приложение",
            "УТВЕРЖДЕНА приказом министерства от 10.01.2023 № 15-о", "ДОРОЖНАЯ КАРТА проекта «500+» на 2023 год");

    private final RoadmapImporter importer = new RoadmapImporter(ImporterProperties.defaults());

    private static Order reorderedColumns() {
        List<String> headings = List.of("№", "Ответственные исполнители", "Содержание мероприятия", "Бюджет, тыс. руб.",
                "Примечание", "Ожидаемый результат", "Срок (дата) исполнения");
        return new Order(ORDER, List.of(headings), List.of(
                AnnexRow.section("Раздел 1. Методическая поддержка"),
                AnnexRow.item(List.of("1.1", "Тестовый областной институт развития образования (далее – ТОИРО), "
                        + "МБОУ СОШ № 2", "Провести семинары для ШНОР", "150", "по согласованию",
                        "не менее 3 семинаров", "II квартал")),
                AnnexRow.item(List.of("1.3", "ТОИРО", "Консультировать кураторов", "", "", "журнал консультаций",
                        "ежемесячно")),
                AnnexRow.section("2. Мониторинг"),
                AnnexRow.item(List.of("2.1", "органы местного самоуправления, осуществляющие управление в сфере "
                        + "образования", "Собрать отчёты школ", "", "", "сводный отчёт", "1 кв. 2023 г.")),
                AnnexRow.item(List.of("2.2", "министерство образования и науки Тестовой области", "Утвердить итоги",
                        "", "", "приказ", "после получения финансирования"))),
                new int[] {3, 12, 20, 6, 8, 12, 10});
    }

    private static Order twoLevelHeading() {
        return new Order(ORDER, List.of(
                List.of("№ п/п", "Наименование мероприятия", "Срок реализации", "", "Исполнитель", "Показатель"),
                List.of("", "", "начало", "окончание", "", ""),
                List.of("1", "2", "3", "4", "5", "6")), List.of(
                AnnexRow.section("1. Школьные команды"),
                AnnexRow.item(List.of("1.1", "Сформировать школьные команды", "январь", "март",
                        "Муниципальные методические службы", "команды во всех ШНОР")),
                AnnexRow.item(List.of("1.2", "Провести стажировки", "2022/2023 учебный год", "",
                        "Школа № 5 г. Тестограда", "не менее 2 стажировок")),
                AnnexRow.item(List.of("1.3", "Поддерживать сайт проекта", "постоянно", "", "ТОИРО",
                        "новости ежемесячно")),
                AnnexRow.item(List.of("1.4", "Консультировать школы", "по мере необходимости", "", "ТОИРО",
                        "консультации"))),
                new int[] {3, 20, 8, 8, 15, 12});
    }

    @Test
    void columnsCalledDifferentlyAndInAnotherOrderAreMappedByTheirWords() {
        for (byte[] file : List.of(OrderDocuments.txt(reorderedColumns()), OrderDocuments.docx(reorderedColumns(), 3))) {
            RoadmapPreview preview = importer.preview(file);

            assertThat(preview.order().documentType()).isEqualTo("приказ");
            assertThat(preview.order().number()).isEqualTo("15-о");
            assertThat(preview.order().date()).isEqualTo(LocalDate.of(2023, 1, 10));
            assertThat(preview.order().city()).isEqualTo("Тестоград");
            assertThat(preview.order().signatory().name()).isEqualTo("Иванов И.И.");
            assertThat(preview.order().repeals()).singleElement()
                    .satisfies(r -> assertThat(r.number()).isEqualTo("7-о"));
            assertThat(preview.year()).isEqualTo(2023);
            assertThat(preview.columns()).extracting(RoadmapPreview.Column::role).containsExactly(ColumnRole.NUMBER,
                    ColumnRole.EXECUTOR, ColumnRole.TASK, null, ColumnRole.NOTE, ColumnRole.INDICATOR,
                    ColumnRole.DEADLINE);
            assertThat(preview.sections()).extracting(RoadmapPreview.Section::number, RoadmapPreview.Section::title)
                    .containsExactly(tuple("1", "Методическая поддержка"), tuple("2", "Мониторинг"));

            Item first = preview.sections().getFirst().items().getFirst();
            assertThat(first.text()).isEqualTo("Провести семинары для ШНОР");
            assertThat(first.note()).isEqualTo("по согласованию");
            assertThat(first.otherColumns()).containsEntry("Бюджет, тыс. руб.", "150");
            assertThat(first.deadline().periods())
                    .containsExactly(new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)));
            assertThat(first.executors()).extracting(RoadmapPreview.Executor::name)
                    .containsExactly("Тестовый областной институт развития образования", "МБОУ СОШ № 2");

            Item monthly = preview.sections().getFirst().items().get(1);
            assertThat(monthly.deadline().kind()).isEqualTo(Kind.RECURRING);
            assertThat(monthly.deadline().periods()).hasSize(12);
            assertThat(monthly.executors().getFirst().organisation()).isEqualTo(first.executors().getFirst().organisation());

            assertThat(preview.organisations()).extracting(RoadmapPreview.Organisation::type).containsExactly(
                    OrganisationType.REGIONAL_INSTITUTE, OrganisationType.SCHOOL, OrganisationType.MUNICIPAL_BODY,
                    OrganisationType.MINISTRY);
            assertThat(preview.organisations().getLast().name())
                    .isEqualTo("Министерство образования и науки Тестовой области");
            assertThat(preview.warnings()).extracting(ImportWarning::code, w -> w.location().item())
                    .contains(tuple(Code.UNKNOWN_COLUMN, null), tuple(Code.NUMBERING_GAP, "1.3"),
                            tuple(Code.UNPARSED_DEADLINE, "2.2"));
            Item unparsed = preview.sections().get(1).items().get(1);
            assertThat(unparsed.deadline().raw()).isEqualTo("после получения финансирования");
            assertThat(unparsed.deadline().kind()).isEqualTo(Kind.UNPARSED);
        }
    }

    @Test
    void twoLevelHeadingWithColumnNumbersJoinsStartAndEndOfTheDeadline() {
        for (byte[] file : List.of(OrderDocuments.txt(twoLevelHeading()), OrderDocuments.docx(twoLevelHeading(), 2))) {
            RoadmapPreview preview = importer.preview(file);

            assertThat(preview.columns()).extracting(RoadmapPreview.Column::heading).containsExactly("№ п/п",
                    "Наименование мероприятия", "Срок реализации начало", "Срок реализации окончание", "Исполнитель",
                    "Показатель");
            assertThat(preview.itemCount()).isEqualTo(4);
            List<Item> items = preview.sections().getFirst().items();
            assertThat(items.getFirst().deadline().raw()).isEqualTo("январь – март");
            assertThat(items.getFirst().deadline().periods())
                    .containsExactly(new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31)));
            assertThat(items.get(1).deadline().periods())
                    .containsExactly(new Period(LocalDate.of(2022, 9, 1), LocalDate.of(2023, 8, 31)));
            assertThat(items.get(2).deadline().kind()).isEqualTo(Kind.PERMANENT);
            assertThat(items.get(3).deadline().kind()).isEqualTo(Kind.AS_NEEDED);
            assertThat(preview.organisations()).extracting(RoadmapPreview.Organisation::type).containsExactly(
                    OrganisationType.MUNICIPAL_BODY, OrganisationType.SCHOOL, OrganisationType.OTHER);
            assertThat(preview.warnings()).extracting(ImportWarning::code)
                    .doesNotContain(Code.UNPLACED_ROW, Code.UNKNOWN_COLUMN, Code.UNPARSED_DEADLINE);
        }
    }
}
