package ru.school500.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words of the real regional orders ({@code ../shared/fixtures/roadmaps/*.txt}) as material for the corpus:
 * word chains (which word follows which) per kind of text, and the cells that are short enough to reuse whole
 * (deadlines, executors, links). Nothing is special to the two fixtures: any order with a tab-separated annex
 * table would do.
 */
final class Vocabulary {

    private static final Pattern ROW = Pattern.compile("^\\d+(\\.\\d+)*\\.?\\t.*");
    private static final Pattern SECTION = Pattern.compile("^(\\d+)\\.\\s+([^\\t]+)\\t*$");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}«»()\"/+–-]+|[.,;:]");
    private static final Pattern PERSON = Pattern.compile("[А-ЯЁ]\\.[А-ЯЁ]\\. [А-ЯЁ][а-яё]+");
    private static final Pattern YEAR = Pattern.compile("20\\d\\d");

    private final WordChain prose;
    private final WordChain tasks;
    private final WordChain indicators;
    private final List<String> sectionTitles;
    private final List<String> deadlines;
    private final List<String> executors;
    private final List<String> links;
    private final List<String> people;

    private Vocabulary(WordChain prose, WordChain tasks, WordChain indicators, List<String> sectionTitles,
            List<String> deadlines, List<String> executors, List<String> links, List<String> people) {
        this.prose = prose;
        this.tasks = tasks;
        this.indicators = indicators;
        this.sectionTitles = sectionTitles;
        this.deadlines = deadlines;
        this.executors = executors;
        this.links = links;
        this.people = people;
    }

    static Vocabulary fromOrders(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture orders in " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no fixture orders (*.txt) in " + directory);
        }
        WordChain prose = new WordChain();
        WordChain tasks = new WordChain();
        WordChain indicators = new WordChain();
        LinkedHashSet<String> sections = new LinkedHashSet<>();
        LinkedHashSet<String> deadlines = new LinkedHashSet<>();
        LinkedHashSet<String> executors = new LinkedHashSet<>();
        LinkedHashSet<String> links = new LinkedHashSet<>();
        LinkedHashSet<String> people = new LinkedHashSet<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher person = PERSON.matcher(text);
            while (person.find()) {
                people.add(person.group());
            }
            for (String line : text.split("\\R")) {
                Matcher section = SECTION.matcher(line);
                if (line.contains("\t") && section.matches()) {
                    sections.add(section.group(2).strip());
                    continue;
                }
                if (ROW.matcher(line).matches()) {
                    String[] cells = line.split("\\t", -1);
                    if (cells.length >= 5) {
                        tasks.learn(clean(cells[1]));
                        prose.learn(clean(cells[1]) + ".");
                        prose.learn(clean(cells[4]) + ".");
                        keepWhole(deadlines, cells[2], 80);
                        keepWhole(executors, cells[3], 300);
                        indicators.learn(clean(cells[4]));
                        if (cells.length > 5) {
                            Matcher url = Pattern.compile("https?://\\S+").matcher(cells[5]);
                            while (url.find()) {
                                links.add(url.group().replaceAll("[.,;)]+$", ""));
                            }
                        }
                    }
                } else if (!line.contains("\t") && line.split("\\s+").length >= 12) {
                    // sentences of the order's text; headers and signatures are too short to be prose
                    prose.learn(clean(line));
                }
                tasks.learnWordsOnly(line);
            }
        }
        if (links.isEmpty()) {
            links.add("https://example.org/500plus");
        }
        if (people.isEmpty()) {
            people.add("И.И. Иванова");
        }
        return new Vocabulary(prose, tasks, indicators, List.copyOf(sections), List.copyOf(deadlines),
                List.copyOf(executors), List.copyOf(links), List.copyOf(people));
    }

    private static void keepWhole(LinkedHashSet<String> pool, String cell, int maxLength) {
        String value = clean(cell);
        // a cell cut by a page break ends in a hyphen or an open quote: not whole
        if (!value.isEmpty() && value.length() <= maxLength && !value.endsWith("-")
                && count(value, '«') == count(value, '»') && count(value, '(') == count(value, ')')) {
            pool.add(value);
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private static String clean(String cell) {
        return cell.replaceAll("<[^>]+>", " ").replace('\u00a0', ' ').replaceAll("\\*+", "")
                .replaceAll("\\s+", " ").strip();
    }

    /** A sentence of prose (order text, descriptions) of about {@code words} words. */
    String prose(SplittableRandom random, int words) {
        return prose.text(random, words);
    }

    String task(SplittableRandom random) {
        return stripFinalStop(tasks.text(random, 8 + random.nextInt(22)));
    }

    String indicator(SplittableRandom random) {
        return stripFinalStop(indicators.text(random, 6 + random.nextInt(16)));
    }

    String title(SplittableRandom random, int words) {
        String text = tasks.text(random, words);
        int stop = text.indexOf(". ");
        text = stripFinalStop(stop > 20 ? text.substring(0, stop) : text);
        return text.length() > 200 ? text.substring(0, text.lastIndexOf(' ', 200)) : text;
    }

    String sectionTitle(SplittableRandom random) {
        return pick(random, sectionTitles.isEmpty() ? List.of("Организационные мероприятия") : sectionTitles)
                .replaceAll("[.:]$", "");
    }

    String deadline(SplittableRandom random, int year) {
        return YEAR.matcher(pick(random, deadlines)).replaceAll(Integer.toString(year));
    }

    String executors(SplittableRandom random) {
        return pick(random, executors);
    }

    String link(SplittableRandom random) {
        return pick(random, links);
    }

    String person(SplittableRandom random) {
        return pick(random, people);
    }

    /** Distinct frequent words of the tasks, for queries. */
    List<String> queryWords(int count) {
        return tasks.frequentWords(count);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String stripFinalStop(String text) {
        return text.replaceAll("[.;:,]+$", "");
    }

    /** First-order word chain: which token follows which, counts kept as repetitions. */
    static final class WordChain {
        private final Map<String, List<String>> next = new HashMap<>();
        private final List<String> starts = new ArrayList<>();
        private final Map<String, Integer> frequency = new HashMap<>();

        void learn(String text) {
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
            if (tokens.size() < 3) {
                return;
            }
            starts.add(tokens.getFirst());
            for (int i = 0; i + 1 < tokens.size(); i++) {
                next.computeIfAbsent(tokens.get(i), k -> new ArrayList<>()).add(tokens.get(i + 1));
            }
            next.computeIfAbsent(tokens.getLast(), k -> new ArrayList<>()).add(".");
        }

        void learnWordsOnly(String text) {
            Matcher m = Pattern.compile("[а-яё]{6,}").matcher(text.toLowerCase(java.util.Locale.ROOT));
            while (m.find()) {
                frequency.merge(m.group(), 1, Integer::sum);
            }
        }

        List<String> frequentWords(int count) {
            return frequency.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(count).map(Map.Entry::getKey).toList();
        }

        String text(SplittableRandom random, int words) {
            StringBuilder out = new StringBuilder();
            int written = 0;
            String token = pick(random, starts);
            boolean sentenceStart = true;
            while (true) {
                boolean punctuation = token.length() == 1 && ".,;:".contains(token);
                if (!punctuation && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(sentenceStart && !punctuation ? capitalise(token) : token);
                sentenceStart = token.equals(".");
                if (!punctuation) {
                    written++;
                }
                if (token.equals(".") && written >= words) {
                    break;
                }
                if (written >= words * 2) {
                    out.append('.');
                    break;
                }
                List<String> followers = next.get(token);
                token = followers == null || token.equals(".") ? pick(random, starts) : pick(random, followers);
            }
            return out.toString();
        }

        private static String capitalise(String word) {
            return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }
}
