package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Location;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Executor;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Organisation;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.OrganisationType;

/**
 * Splits executor cells into organisations and resolves abbreviations the document defines inline
 * ("… учреждение «Институт развития образования Кировской области» (далее – КОГОАУ ДПО «…»)"), wherever the
 * definition stands (order text, task, deadline or executor cell). Spellings of one organisation that differ
 * only in word endings ("квалификации" / "квалификаций", "министерства" / "министерство") are one
 * organisation; the order's authority keeps the name from the order header.
 */
class OrganisationResolver {

    private static final Pattern DEFINITION = Pattern.compile(
            "\\(\\s*далее\\s*(?:по тексту\\s*)?[-\u2010-\u2015\u2212]?\\s*([^()]+?)\\s*\\)", Pattern.UNICODE_CASE);
    private static final Pattern HEAD = Pattern.compile(
            "^(?:министерств|департамент|комитет|учреждени|организаци|центр|институт|служб|университет|академи"
                    + "|колледж|школ|лице[йяюе]|гимнази|агентств|фонд|управлени|администраци|кабинет|отдел"
                    + "|орган(?:|а|у|ом|е|ы|ов|ам|ами|ах)$)");
    private static final Pattern ADJECTIVE = Pattern.compile(
            "^\\p{L}+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ым|им|ую|юю|ыми|ими)$");
    private static final Pattern QUOTED = Pattern.compile("«(.+)»");
    private static final Pattern PARTICIPLE_START = Pattern.compile("^\\p{Ll}+(?:ющ|ящ|ащ|вш)\\p{Ll}*\\s.*");
    private static final Pattern SCHOOL = Pattern.compile(
            "школ|(?<!\\p{L})(?:сош|оош|моу|мбоу|мкоу|маоу)(?!\\p{L})|лице[йя]|гимнази|участник|общеобразовательн\\p{L}* организац");
    private static final Pattern MUNICIPAL = Pattern.compile(
            "муниципальн|местного самоуправления|(?<!\\p{L})(?:омсу|моуо|моио|оуо)(?!\\p{L})|городского округа|района");
    private static final Pattern MINISTRY = Pattern.compile("министерств|департамент|комитет|правительств");
    private static final Pattern INSTITUTE = Pattern.compile(
            "институт|центр|учреждени|(?<!\\p{L})(?:гау|гбу|гоау|когоау|когау|дпо|иро|цнппм)(?!\\p{L})|академи|университет");

    /** An abbreviation's definition: what it stands for and the text that defined it. */
    private record Definition(String alias, String fullName, String source) {
    }

    private static final class Entry {
        final String id;
        final String name;
        final String writtenAs;
        final List<String> aliases = new ArrayList<>();
        final OrganisationType type;

        Entry(String id, String name, String writtenAs, OrganisationType type) {
            this.id = id;
            this.name = name;
            this.writtenAs = writtenAs;
            this.type = type;
        }
    }

    private final String authority;
    private final Warnings warnings;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, Entry> organisations = new LinkedHashMap<>();
    private final java.util.Set<String> conflicts = new java.util.HashSet<>();

    OrganisationResolver(String authority, Warnings warnings) {
        this.authority = authority;
        this.warnings = warnings;
    }

    /**
     * Learns the "(далее – X)" definitions a text makes; the first definition of an abbreviation wins, and a
     * later one that names another organisation is warned about.
     *
     * @param item the item whose cell the text is, {@code null} for the order's text
     */
    void learn(String text, String item, Integer line) {
        Matcher definition = DEFINITION.matcher(text);
        while (definition.find()) {
            String alias = definition.group(1).trim();
            String fullName = fullNameBefore(text, definition.start());
            if (fullName != null && !alias.isEmpty()) {
                Definition known = definitions.putIfAbsent(key(alias), new Definition(alias, fullName, text));
                if (known != null) {
                    checkConflict(known, fullName, text, item, line);
                }
            }
        }
    }

    void learn(String text) {
        learn(text, null, null);
    }

    private void checkConflict(Definition known, String fullName, String source, String item, Integer line) {
        if (known.source().equals(source)) {
            return;
        }
        String before = stems(Nominative.of(known.fullName()));
        String now = stems(Nominative.of(fullName));
        if (!before.contains(now) && !now.contains(before) && conflicts.add(key(known.alias()))) {
            warnings.add(Code.ORGANISATION_CONFLICT, "Сокращение «" + known.alias() + "» расшифровано по-разному: «"
                    + Nominative.of(known.fullName()) + "» и «" + Nominative.of(fullName) + "»; проверьте, о какой "
                    + "организации речь.", new Location(item, line, null));
        }
    }

    /**
     * Learns the definitions an executor cell makes: there the name before "(далее – X)" is exactly one
     * organisation, so it replaces what {@link #learn} guessed from the words before the parenthesis.
     */
    void learnExecutors(String cell, String item, Integer line) {
        for (String part : split(cell)) {
            Matcher definition = DEFINITION.matcher(part);
            if (definition.find()) {
                String name = (part.substring(0, definition.start()) + part.substring(definition.end())).trim();
                if (!name.isEmpty()) {
                    Definition known = definitions.put(key(definition.group(1)),
                            new Definition(definition.group(1).trim(), name, cell));
                    if (known != null) {
                        checkConflict(known, name, cell, item, line);
                    }
                }
            }
        }
    }

    List<Executor> resolve(String cell, String item, int line, String column) {
        List<Executor> executors = new ArrayList<>();
        for (String part : split(cell)) {
            Matcher definition = DEFINITION.matcher(part);
            if (definition.find()) {
                String name = (part.substring(0, definition.start()) + part.substring(definition.end())).trim();
                Entry entry = entry(name, false, item, line, column);
                addAlias(entry, definition.group(1).trim());
                executors.add(new Executor(name, entry.id));
                continue;
            }
            Definition defined = definitions.get(key(part));
            if (defined != null) {
                Entry entry = entry(defined.fullName(), true, item, line, column);
                addAlias(entry, part);
                executors.add(new Executor(part, entry.id));
                continue;
            }
            Definition similar = byQuotedName(part);
            if (similar != null) {
                Entry entry = entry(similar.fullName(), true, item, line, column);
                addAlias(entry, part);
                warnings.add(Code.ALIAS_MISMATCH, "Сокращение «" + part + "» в документе не определено; по названию "
                        + "в кавычках сопоставлено с «" + similar.alias() + "» (" + similar.fullName() + ").",
                        new Location(item, line, column));
                executors.add(new Executor(part, entry.id));
                continue;
            }
            Entry entry = entry(part, false, item, line, column);
            executors.add(new Executor(part, entry.id));
        }
        return executors;
    }

    List<Organisation> organisations() {
        return organisations.values().stream()
                .map(e -> new Organisation(e.id, e.name, e.writtenAs, e.type, List.copyOf(e.aliases))).toList();
    }

    private Entry entry(String written, boolean fromDefinition, String item, int line, String column) {
        String name = Nominative.of(written);
        if (authority != null && isShortFormOf(name, authority)) {
            name = authority;
        }
        String key = stems(name);
        Entry existing = organisations.get(key);
        if (existing != null) {
            if (!fromDefinition && !existing.name.equalsIgnoreCase(name)
                    && existing.aliases.stream().noneMatch(name::equalsIgnoreCase)) {
                existing.aliases.add(name);
                warnings.add(Code.NAME_VARIANT, "Исполнитель «" + name + "» записан иначе, чем «" + existing.name
                        + "»; считается той же организацией.", new Location(item, line, column));
            }
            return existing;
        }
        String display = authority != null && stems(authority).equals(key) ? authority : capitalise(name);
        String writtenAs = display.equalsIgnoreCase(written) ? null : written;
        Entry created = new Entry("org-" + (organisations.size() + 1), display, writtenAs, type(name));
        if (!display.equals(capitalise(written)) && !display.equalsIgnoreCase(written)) {
            created.aliases.add(written);
        }
        organisations.put(key, created);
        return created;
    }

    /** "Управление образования" for "Управление образования администрации …": the authority's leading words. */
    private static boolean isShortFormOf(String name, String authority) {
        String[] words = Texts.fold(name).split("\\s+");
        String[] full = Texts.fold(authority).split("\\s+");
        if (words.length < 2 || words.length >= full.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals(full[i])) {
                return false;
            }
        }
        return true;
    }

    private static void addAlias(Entry entry, String alias) {
        if (!alias.equalsIgnoreCase(entry.name) && entry.aliases.stream().noneMatch(alias::equalsIgnoreCase)) {
            entry.aliases.add(alias);
        }
    }

    private Definition byQuotedName(String part) {
        Matcher quoted = QUOTED.matcher(part);
        if (!quoted.find() || part.substring(0, quoted.start()).chars().anyMatch(Character::isLowerCase)) {
            return null;
        }
        String name = key(quoted.group(1));
        Definition found = null;
        for (Definition definition : definitions.values()) {
            Matcher other = QUOTED.matcher(definition.alias());
            if (other.find() && key(other.group(1)).equals(name)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = definition;
            }
        }
        return found;
    }

    /** Executors of one cell: split at commas and semicolons outside quotes and parentheses. */
    static List<String> split(String cell) {
        List<String> parts = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return parts;
        }
        int quotes = 0;
        int parentheses = 0;
        StringBuilder current = new StringBuilder();
        for (char c : cell.toCharArray()) {
            switch (c) {
                case '«' -> quotes++;
                case '»' -> quotes = Math.max(0, quotes - 1);
                case '(' -> parentheses++;
                case ')' -> parentheses = Math.max(0, parentheses - 1);
                default -> {
                }
            }
            if ((c == ',' || c == ';' || c == '\n') && quotes == 0 && parentheses == 0) {
                addPart(parts, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addPart(parts, current.toString());
        return parts;
    }

    private static void addPart(List<String> parts, String raw) {
        String part = raw.trim();
        while (part.endsWith(".") && !part.matches(".*\\p{Lu}\\.$")) {
            part = part.substring(0, part.length() - 1).trim();
        }
        if (part.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && PARTICIPLE_START.matcher(part).matches()) {
            parts.set(parts.size() - 1, parts.getLast() + ", " + part);
        } else {
            parts.add(part);
        }
    }

    /**
     * The full name an inline definition stands for: the nearest organisation noun before it ("учреждение",
     * "центр", "органов", "службы"…) with the adjectives in front of it, up to the next comma, colon or
     * parenthesis. Quoted names are kept whole. {@code null} when no organisation noun is found.
     */
    static String fullNameBefore(String text, int definitionStart) {
        String window = text.substring(0, definitionStart);
        int cut = Math.max(Math.max(window.lastIndexOf(';'), window.lastIndexOf(':')),
                Math.max(window.lastIndexOf('('), window.lastIndexOf(')')));
        int sentence = window.lastIndexOf(". ");
        if (sentence >= 0) {
            cut = Math.max(cut, sentence + 1);
        }
        window = window.substring(cut + 1).stripTrailing();
        List<int[]> words = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean startQuoted = false;
        for (int i = 0; i <= window.length(); i++) {
            char c = i < window.length() ? window.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    words.add(new int[] {start, i});
                    quoted.add(startQuoted || depth > 0);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
                startQuoted = depth > 0 || c == '«';
            }
            if (c == '«') {
                depth++;
            } else if (c == '»') {
                depth = Math.max(0, depth - 1);
            }
        }
        int head = -1;
        for (int w = words.size() - 1; w >= 0 && head < 0; w--) {
            String word = window.substring(words.get(w)[0], words.get(w)[1]).toLowerCase(Locale.ROOT);
            if (!quoted.get(w) && HEAD.matcher(word.replaceAll("[^\\p{L}]", "")).find()
                    && !(w > 0 && isParticiple(window.substring(words.get(w - 1)[0], words.get(w - 1)[1])))) {
                head = w; // (a noun after a participle is its object: "осуществляющих управление")
            }
        }
        if (head < 0) {
            return null;
        }
        // a head in the genitive may hang on an organisation noun further left, through nouns in the genitive:
        // "управление образования администрации города …" is one body, "актов министерства …" is not
        for (int w = head - 1; w >= 0 && w >= head - 3 && !quoted.get(w); w--) {
            String word = window.substring(words.get(w)[0], words.get(w)[1]);
            String bare = word.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            if (word.endsWith(",") || !isGenitiveNoun(window.substring(words.get(w + 1)[0], words.get(w + 1)[1])
                    .replaceAll("[^\\p{L}]", ""))) {
                break;
            }
            if (HEAD.matcher(bare).find()) {
                head = w;
                break;
            }
            if (!isGenitiveNoun(bare)) {
                break;
            }
        }
        int first = head;
        String ending = null;
        for (int w = head - 1; w >= 0; w--) {
            String word = window.substring(words.get(w)[0], words.get(w)[1]);
            String lower = word.toLowerCase(Locale.ROOT);
            if (quoted.get(w) || word.endsWith(",") || !ADJECTIVE.matcher(lower).matches()) {
                break;
            }
            String wordEnding = agreement(lower);
            if (ending != null && !ending.equals(wordEnding)) {
                break;
            }
            ending = wordEnding;
            first = w;
        }
        String name = window.substring(words.get(first)[0]).trim();
        return name.isEmpty() ? null : name;
    }

    private static boolean isParticiple(String word) {
        return RussianWords.analyse(word.replaceAll("[^\\p{L}]", "")).stream().anyMatch(a -> a.is("PT"));
    }

    private static boolean isGenitiveNoun(String word) {
        return RussianWords.analyse(word).stream().anyMatch(a -> a.is("NN") && "R".equals(a.grammaticalCase()));
    }

    /** Adjective endings that can agree with one noun form share a class ("Тестовый областной институт"). */
    private static String agreement(String adjective) {
        for (String[] endings : new String[][] {{"ого", "его"}, {"ому", "ему"}, {"ыми", "ими"}, {"ый", "ий", "ой"},
                {"ая", "яя"}, {"ое", "ее"}, {"ые", "ие"}, {"ых", "их"}, {"ым", "им"}, {"ую", "юю"}}) {
            for (String ending : endings) {
                if (adjective.endsWith(ending)) {
                    return endings[0];
                }
            }
        }
        return adjective.substring(adjective.length() - 2);
    }

    static OrganisationType type(String name) {
        String folded = Texts.fold(name);
        if (SCHOOL.matcher(folded).find()) {
            return OrganisationType.SCHOOL;
        }
        if (MUNICIPAL.matcher(folded).find()) {
            return OrganisationType.MUNICIPAL_BODY;
        }
        if (MINISTRY.matcher(folded).find()) {
            return OrganisationType.MINISTRY;
        }
        if (INSTITUTE.matcher(folded).find()) {
            return OrganisationType.REGIONAL_INSTITUTE;
        }
        return OrganisationType.OTHER;
    }

    private static String key(String text) {
        return Texts.fold(text).replaceAll("[«»\"“”„]", "").replaceAll("\\s+", " ").trim();
    }

    /** Word stems (first five letters) of a name: spellings that differ in endings share them. */
    static String stems(String name) {
        StringBuilder stems = new StringBuilder();
        for (String word : Texts.fold(name).split("[^\\p{L}\\d+]+")) {
            if (!word.isEmpty()) {
                stems.append(word, 0, Math.min(5, word.length())).append(' ');
            }
        }
        return stems.toString().trim();
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
