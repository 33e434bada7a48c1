package ru.school500.searchservice.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The categories of roadmap items and the rules that put an item in them ({@code comparison/taxonomy-v1.json}).
 * A rule matches when the item's task text holds any of its {@code anyOf} words or any of its {@code phrases}
 * (within {@code slop}) and none of its {@code noneOf} words; both sides go through the Russian analyser, so
 * rules name dictionary forms. An item belongs to every category with a matching rule.
 *
 * @param version bumped whenever a rule change may move items between categories
 */
public record Taxonomy(int version, String name, List<Category> categories) {

    public static final String RESOURCE = "comparison/taxonomy-v1.json";

    /** One analysed term: the standard tokenizer would split on spaces and hyphens, and such a word never matches. */
    private static final Pattern SINGLE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public Taxonomy {
        categories = List.copyOf(categories == null ? List.of() : categories);
        validate(version, categories);
    }

    public static Taxonomy load(JsonMapper json) {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(json, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Taxonomy read(JsonMapper json, InputStream in) {
        return json.readValue(in, Taxonomy.class);
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    /** A category shown to analysts: {@code title} and {@code description} are in Russian. */
    public record Category(String code, String title, String description, List<Rule> rules) {

        public Category {
            rules = List.copyOf(rules == null ? List.of() : rules);
        }
    }

    /**
     * @param slop how many positions a phrase may stretch (1 when absent)
     */
    public record Rule(String id, List<String> anyOf, List<String> phrases, Integer slop, List<String> noneOf) {

        public Rule {
            anyOf = List.copyOf(anyOf == null ? List.of() : anyOf);
            phrases = List.copyOf(phrases == null ? List.of() : phrases);
            noneOf = List.copyOf(noneOf == null ? List.of() : noneOf);
            slop = slop == null ? 1 : slop;
        }
    }

    private static void validate(int version, List<Category> categories) {
        if (version < 1) {
            throw new IllegalArgumentException("taxonomy version must be at least 1, was " + version);
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("taxonomy has no categories");
        }
        Set<String> codes = new HashSet<>();
        Set<String> ruleIds = new HashSet<>();
        for (Category category : categories) {
            require(category.code() != null && !category.code().isBlank(), "a category has no code");
            require(codes.add(category.code()), "duplicate category code " + category.code());
            require(category.title() != null && !category.title().isBlank(), category.code() + " has no title");
            require(!category.rules().isEmpty(), category.code() + " has no rules");
            for (Rule rule : category.rules()) {
                require(rule.id() != null && !rule.id().isBlank(), category.code() + " has a rule without id");
                require(ruleIds.add(rule.id()), "duplicate rule id " + rule.id());
                require(!rule.anyOf().isEmpty() || !rule.phrases().isEmpty(),
                        "rule " + rule.id() + " has neither anyOf nor phrases");
                require(rule.slop() >= 0, "rule " + rule.id() + " has a negative slop");
                for (String word : Stream.concat(rule.anyOf().stream(), rule.noneOf().stream()).toList()) {
                    require(word != null && SINGLE_WORD.matcher(word).matches(),
                            "rule " + rule.id() + ": '" + word + "' is not a single word, put it in phrases");
                }
                for (String phrase : rule.phrases()) {
                    require(phrase != null && !phrase.isBlank(), "rule " + rule.id() + " has a blank phrase");
                }
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
