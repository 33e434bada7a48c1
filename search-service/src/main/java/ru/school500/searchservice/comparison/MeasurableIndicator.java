package ru.school500.searchservice.comparison;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an item's completion indicator can be checked: it gives a number, a share or a quantifier («не менее
 * двух», «100 %», «все»), names a countable product (an act, a report, a programme, a register…), or states a
 * completed, verifiable result («проведён», «утверждено», «подготовлены»). Wishes such as «повысилась
 * компетентность» or a bare «участие» are text, not a measure. Words are matched by stem, so any case and number
 * counts; the project's name «500+», years and dates are not numbers of anything.
 */
final class MeasurableIndicator {

    /** Why an indicator counts, or why not. */
    enum Verdict {
        QUANTITY("число, доля или количество"),
        PRODUCT("документ или иной продукт, который можно предъявить"),
        RESULT("завершённый проверяемый результат"),
        NOT_MEASURABLE("показатель не измерим (нет числа, продукта или результата)"),
        MISSING("показатель не указан");

        private final String title;

        Verdict(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }

        boolean measurable() {
            return this == QUANTITY || this == PRODUCT || this == RESULT;
        }
    }

    /** Things that are not quantities though written in digits: the project's name, dates, years, item numbers. */
    private static final Pattern NOT_A_QUANTITY = Pattern.compile(
            "500\\s*\\+|\\(500\\+?\\)|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\b(19|20)\\d{2}\\s*(г\\.|год\\p{L}*)?"
                    + "|\\b\\d+(\\.\\d+)+\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d|процент|\\b(не\\s+)?(менее|более|ниже|выше|меньше|больше)\\s+\\p{L}"
                    + "|\\b(одн(ого|ой|у|а|о)|один|дв(а|е|ух|ум)|тр(и|ех|ем)|четыр\\p{L}*|пят(ь|и)|шест(ь|и)|сем(ь|и)"
                    + "|восем\\p{L}*|девят(ь|и)|десят(ь|и)|все|всех|каждо\\p{L}*|кажд(ая|ый|ую))\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PRODUCT = Pattern.compile("\\b(акт|документ|положени|приказ|распоряжени"
            + "|постановлени|справк|отчет|рекомендаци|программ|план|концепци|модел|сборник|банк|реестр|заключени"
            + "|протокол|карт|форм[аыу]?\\b|перечн|перечен|список|списк|заявк|методик|резюме|паспорт|график"
            + "|резолюци|регламент|пост.?\\s?-?\\s?релиз|релиз|публикаци|новост|стать|буклет|памятк|материал"
            + "|решени|наличи)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RESULT = Pattern.compile("\\b(проведен|утвержден|подготовлен|разработан|направлен"
            + "|создан|размещен|сформирован|организован|опубликован|принят[аоы]?\\b|заключен|выдан|издан"
            + "|обучен[аоы]?\\b|прошл[аи]?\\s+(обучение|курс|повышение))", Pattern.UNICODE_CHARACTER_CLASS);

    private MeasurableIndicator() {
    }

    /** Verdicts by indicator text: the same texts come back in every comparison. */
    private static final Map<String, Verdict> KNOWN = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                    return size() > 100_000;
                }
            });

    static Verdict of(String indicator) {
        if (indicator == null || indicator.isBlank()) {
            return Verdict.MISSING;
        }
        Verdict known = KNOWN.get(indicator);
        if (known == null) {
            known = judge(indicator);
            KNOWN.put(indicator, known);
        }
        return known;
    }

    private static Verdict judge(String indicator) {
        String text = indicator.toLowerCase(Locale.ROOT).replace('ё', 'е');
        String withoutNames = NOT_A_QUANTITY.matcher(text).replaceAll(" ");
        if (QUANTITY.matcher(withoutNames).find()) {
            return Verdict.QUANTITY;
        }
        if (PRODUCT.matcher(text).find()) {
            return Verdict.PRODUCT;
        }
        Matcher result = RESULT.matcher(text);
        return result.find() ? Verdict.RESULT : Verdict.NOT_MEASURABLE;
    }
}
