package ru.school500.searchservice.comparison;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * The taxonomy's rules as named Elasticsearch queries over the lemmatised task text: a hit's
 * {@code matched_queries} ({@code CATEGORY/rule-id}) are its categories and the evidence for them. Running
 * the rules inside Elasticsearch reuses the search analysis exactly (hunspell lemmas, Russian stems, ё).
 */
final class ItemClassifier {

    static final String FIELD = "task";
    private static final char SEPARATOR = '/';

    private ItemClassifier() {
    }

    static List<Query> namedRules(Taxonomy taxonomy) {
        List<Query> rules = new ArrayList<>();
        for (Taxonomy.Category category : taxonomy.categories()) {
            for (Taxonomy.Rule rule : category.rules()) {
                rules.add(rule(category.code() + SEPARATOR + rule.id(), rule));
            }
        }
        return rules;
    }

    static ComparedItem.Evidence evidence(String matchedQuery) {
        int at = matchedQuery.indexOf(SEPARATOR);
        return new ComparedItem.Evidence(matchedQuery.substring(0, at), matchedQuery.substring(at + 1), "rule");
    }

    private static Query rule(String name, Taxonomy.Rule rule) {
        return Query.of(q -> q.bool(b -> {
            b.queryName(name).minimumShouldMatch("1");
            if (!rule.anyOf().isEmpty()) {
                b.should(s -> s.match(m -> m.field(FIELD).query(String.join(" ", rule.anyOf()))));
            }
            int slop = rule.slop() == null ? 1 : rule.slop();
            for (String phrase : rule.phrases()) {
                b.should(s -> s.matchPhrase(m -> m.field(FIELD).query(phrase).slop(slop)));
            }
            if (!rule.noneOf().isEmpty()) {
                b.mustNot(n -> n.match(m -> m.field(FIELD).query(String.join(" ", rule.noneOf()))));
            }
            return b;
        }));
    }
}
