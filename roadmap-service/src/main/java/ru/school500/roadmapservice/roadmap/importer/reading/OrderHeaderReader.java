package ru.school500.roadmapservice.roadmap.importer.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Location;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.OrderHeader;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.OrderReference;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Signatory;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;

/**
 * Reads the order's header from the paragraphs before the annex table: authority, document type, date,
 * number, city, title, signatory, repealed orders, and the date and number the annex's approval stamp
 * ("УТВЕРЖДЕНА распоряжением … от … № …") cites, which it compares with the order's own.
 */
class OrderHeaderReader {

    private static final Pattern AUTHORITY = Pattern.compile(
            "^(?:министерство|департамент|комитет|управление|агентство|правительство|администрация|служба)\\s.+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("^(распоряжение|приказ|постановление|решение)$");
    private static final Pattern TEXT_DATE = Pattern.compile("«?(\\d{1,2})»?\\s+(\\p{L}{3,9})\\.?\\s+(\\d{4})");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");
    private static final Pattern NUMBER = Pattern.compile("№\\s*([\\p{L}\\d][\\p{L}\\d/\\-]*)");
    private static final Pattern CITY = Pattern.compile(
            "^(?:г\\.\\s*|город\\s+)?(\\p{Lu}\\p{Ll}+(?:[- ]\\p{Lu}?\\p{Ll}+)?)$");
    private static final Pattern TITLE = Pattern.compile("^(?:О|Об|Обо)\\s+\\S.*");
    private static final Pattern PARAGRAPH = Pattern.compile("^\\d+\\.\\s+\\S.*");
    private static final Pattern TOP_PARAGRAPH = Pattern.compile("^\\d+\\.\\s+\\S.*");
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(?:В целях|В соответствии|На основании|Руководствуясь|В связи|Во исполнение|С целью|\\d+\\.).*");
    private static final Pattern NAME = Pattern.compile(
            "^(.*?)\\s*(\\p{Lu}\\.\\s?\\p{Lu}\\.\\s?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?|\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+\\p{Lu}\\.\\s?\\p{Lu}\\.)$");
    private static final Pattern STAMP = Pattern.compile("^(?:УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?|ПРИЛОЖЕНИЕ|Приложение)(?:\\s.*)?$");
    private static final Pattern REPEAL = Pattern.compile("утратившими?\\s+силу", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern REFERENCE = Pattern.compile(
            "(?iu)от\\s+((?:\\d{1,2}\\.\\d{1,2}\\.\\d{4})|(?:«?\\d{1,2}»?\\s+\\p{L}{3,9}\\.?\\s+\\d{4}))\\s*(?:года|г\\.)?\\s*№\\s*([\\p{L}\\d][\\p{L}\\d/\\-]*)");
    private static final Pattern YEAR = Pattern.compile("(?:в|на)\\s+((?:19|20)\\d{2})\\s*(?:году|год|г\\.)");

    /** The header, the annex title and the roadmap's year. */
    record Result(OrderHeader header, String annexTitle, Integer year) {
    }

    private final Warnings warnings;

    OrderHeaderReader(Warnings warnings) {
        this.warnings = warnings;
    }

    Result read(List<Text> lines, Iterable<String> documentTexts) {
        int body = indexOf(lines, 0, line -> PARAGRAPH.matcher(line).matches());
        int zoneEnd = body < 0 ? lines.size() : body;

        String authority = null;
        String type = null;
        LocalDate date = null;
        String number = null;
        String city = null;
        String title = null;
        int position = 0;
        for (int i = 0; i < zoneEnd; i++) {
            String text = lines.get(i).text();
            String folded = Texts.fold(text);
            if (authority == null && AUTHORITY.matcher(text).matches() && text.length() < 200) {
                authority = properCase(text, documentTexts);
                position = i;
                continue;
            }
            if (type == null && DOCUMENT_TYPE.matcher(folded).matches()) {
                type = folded;
                continue;
            }
            if (title != null) {
                continue;
            }
            if (date == null) {
                LocalDate found = date(text);
                if (found != null && text.length() < 60) {
                    date = found;
                }
            }
            Matcher numberMatch = NUMBER.matcher(text);
            if (number == null && text.length() < 60 && numberMatch.find()) {
                number = numberMatch.group(1);
                continue;
            }
            Matcher cityMatch = CITY.matcher(text);
            if (city == null && date != null && cityMatch.matches() && !DOCUMENT_TYPE.matcher(folded).matches()) {
                city = cityMatch.group(1);
                continue;
            }
            if (TITLE.matcher(text).matches() && i > position) {
                StringBuilder joined = new StringBuilder(text);
                while (i + 1 < zoneEnd && !PREAMBLE.matcher(lines.get(i + 1).text()).matches()) {
                    joined.append(' ').append(lines.get(++i).text());
                }
                title = joined.toString();
            }
        }

        int signatureLine = -1;
        Signatory signatory = null;
        int stamp = indexOf(lines, Math.max(body, 0), line -> STAMP.matcher(line).matches());
        int searchEnd = stamp < 0 ? lines.size() : stamp;
        for (int i = Math.max(body, 0); i < searchEnd && signatory == null; i++) {
            String text = lines.get(i).text();
            Matcher name = NAME.matcher(text);
            if (name.matches() && !PARAGRAPH.matcher(text).matches() && text.length() < 200) {
                signatureLine = i;
                String positionText = name.group(1).trim();
                if (positionText.isEmpty()) {
                    List<String> above = new ArrayList<>();
                    for (int j = i - 1; j >= 0; j--) {
                        String previous = lines.get(j).text();
                        if (PARAGRAPH.matcher(previous).matches() || previous.endsWith(".") || previous.endsWith(":")
                                || previous.endsWith(";") || j < zoneEnd || above.size() >= 4) {
                            break;
                        }
                        above.addFirst(previous);
                    }
                    positionText = String.join(" ", above);
                }
                signatory = new Signatory(name.group(2), positionText.isEmpty() ? null : positionText);
            }
        }

        List<OrderReference> repeals = repeals(lines, Math.max(body, 0),
                signatureLine >= 0 ? signatureLine : searchEnd);

        OrderReference cites = null;
        int titleStart = signatureLine >= 0 ? signatureLine + 1 : searchEnd;
        Integer stampLine = null;
        if (stamp >= 0) {
            StringBuilder stampText = new StringBuilder();
            int i = stamp;
            for (; i < lines.size() && i < stamp + 8; i++) {
                stampText.append(' ').append(lines.get(i).text());
                if (NUMBER.matcher(lines.get(i).text()).find()) {
                    break;
                }
            }
            Matcher numberMatch = NUMBER.matcher(stampText);
            if (numberMatch.find()) {
                cites = new OrderReference(date(stampText.toString()), numberMatch.group(1), null);
                titleStart = i + 1;
                stampLine = lines.get(stamp).line();
            }
        }
        List<String> titleLines = new ArrayList<>();
        for (int i = titleStart; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (!STAMP.matcher(text).matches()) {
                titleLines.add(text);
            }
        }
        String annexTitle = titleLines.isEmpty() ? null : String.join(" ", titleLines);

        OrderHeader header = new OrderHeader(authority, type, date, number, city, title, signatory, repeals, cites);
        check(header, stampLine);
        Integer year = year(annexTitle);
        if (year == null) {
            year = year(title);
        }
        if (year == null && date != null) {
            year = date.getYear();
        }
        return new Result(header, annexTitle, year);
    }

    private void check(OrderHeader header, Integer stampLine) {
        Map<String, Object> required = new java.util.LinkedHashMap<>();
        required.put("орган, издавший распоряжение", header.authority());
        required.put("вид документа", header.documentType());
        required.put("дата", header.date());
        required.put("номер", header.number());
        required.put("подписавшее лицо", header.signatory());
        required.forEach((field, value) -> {
            if (value == null) {
                warnings.add(Code.MISSING_HEADER_FIELD, "В реквизитах распоряжения не найден реквизит: " + field + ".",
                        Location.none());
            }
        });
        OrderReference cites = header.annexCites();
        if (cites == null) {
            return;
        }
        Location where = new Location(null, stampLine, null);
        if (header.number() != null && !Texts.fold(header.number()).equals(Texts.fold(cites.number()))) {
            warnings.add(Code.ORDER_CONTRADICTION, "Гриф приложения ссылается на распоряжение № " + cites.number()
                    + ", а само распоряжение имеет № " + header.number() + ".", where);
        }
        if (header.date() != null && cites.date() != null && !header.date().equals(cites.date())) {
            warnings.add(Code.ORDER_CONTRADICTION, "Гриф приложения ссылается на распоряжение от " + cites.date()
                    + ", а само распоряжение датировано " + header.date() + ".", where);
        }
    }

    private static List<OrderReference> repeals(List<Text> lines, int from, int to) {
        List<OrderReference> references = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Matcher repeal = REPEAL.matcher(lines.get(i).text());
            if (!repeal.find()) {
                continue;
            }
            StringBuilder text = new StringBuilder(lines.get(i).text().substring(repeal.end()));
            for (int j = i + 1; j < to && !TOP_PARAGRAPH.matcher(lines.get(j).text()).matches(); j++) {
                text.append(' ').append(lines.get(j).text());
            }
            references.addAll(references(text.toString()));
        }
        return references;
    }

    /** References "от 24.03.2021 № 384 «Title»", skipping references quoted inside a title. */
    static List<OrderReference> references(String text) {
        List<OrderReference> references = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(text);
        int from = 0;
        while (reference.find(from)) {
            int end = reference.end();
            String title = null;
            int cursor = end;
            while (cursor < text.length() && Character.isWhitespace(text.charAt(cursor))) {
                cursor++;
            }
            if (cursor < text.length() && text.charAt(cursor) == '«') {
                int depth = 0;
                for (int k = cursor; k < text.length(); k++) {
                    char c = text.charAt(k);
                    if (c == '«') {
                        depth++;
                    } else if (c == '»' && --depth == 0) {
                        title = text.substring(cursor + 1, k);
                        end = k + 1;
                        break;
                    }
                }
            }
            references.add(new OrderReference(date(reference.group(1)), reference.group(2), title));
            from = end;
        }
        return references;
    }

    static LocalDate date(String text) {
        Matcher numeric = NUMERIC_DATE.matcher(text);
        if (numeric.find()) {
            try {
                return LocalDate.of(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                        Integer.parseInt(numeric.group(1)));
            } catch (DateTimeException invalid) {
                return null;
            }
        }
        Matcher words = TEXT_DATE.matcher(text);
        while (words.find()) {
            int month = DeadlineParser.monthOf(words.group(2));
            if (month > 0) {
                try {
                    return LocalDate.of(Integer.parseInt(words.group(3)), month, Integer.parseInt(words.group(1)));
                } catch (DateTimeException invalid) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher year = YEAR.matcher(text);
        Integer last = null;
        while (year.find()) {
            last = Integer.valueOf(year.group(1));
        }
        return last;
    }

    /**
     * An all-capitals name ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КИРОВСКОЙ ОБЛАСТИ") written the way the document writes
     * those words elsewhere ("Министерство образования Кировской области").
     */
    static String properCase(String text, Iterable<String> documentTexts) {
        if (!text.equals(text.toUpperCase(Locale.ROOT))) {
            return text;
        }
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (String documentText : documentTexts) {
            for (String word : documentText.split("[^\\p{L}-]+")) {
                if (!word.isEmpty() && !word.equals(word.toUpperCase(Locale.ROOT))) {
                    spellings.computeIfAbsent(word.toLowerCase(Locale.ROOT), k -> new HashMap<>())
                            .merge(word, 1, Integer::sum);
                }
            }
        }
        String[] words = text.trim().split("\\s+");
        StringBuilder proper = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            Map<String, Integer> seen = spellings.getOrDefault(lower, Map.of());
            String spelled = seen.containsKey(lower) ? lower : seen.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(lower);
            if (i == 0) {
                spelled = Character.toUpperCase(spelled.charAt(0)) + spelled.substring(1);
            }
            proper.append(i == 0 ? "" : " ").append(spelled);
        }
        return proper.toString();
    }

    private interface LinePredicate {
        boolean test(String line);
    }

    private static int indexOf(List<Text> lines, int from, LinePredicate predicate) {
        for (int i = from; i < lines.size(); i++) {
            if (predicate.test(lines.get(i).text())) {
                return i;
            }
        }
        return -1;
    }
}
