package ru.school500.searchservice.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.elasticsearch.ElasticsearchGuard;
import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.visibility.Readers;

/**
 * Autocomplete from the titles of visible records (practices, documents, roadmaps and roadmap items): a
 * completion suggester over each title from every word on, so any word's prefix completes it; typo-tolerant
 * (one edit from four letters, two from seven, the first letter as typed); its category context is the
 * record's reader tokens, the same the search filters on, so a title the caller may not see is never
 * suggested.
 */
@Service
class SuggestService {

    private static final int SUGGESTIONS = 8;

    private final ElasticsearchClient client;
    private final ElasticsearchGuard guard;
    private final IndexNames names;

    SuggestService(ElasticsearchClient client, ElasticsearchGuard guard, IndexNames names) {
        this.client = client;
        this.guard = guard;
        this.names = names;
    }

    List<TitleSuggestion> suggest(String prefix, CurrentUser user) {
        String text = prefix.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return List.of();
        }
        List<CompletionContext> contexts = Readers.of(user).stream()
                .map(token -> CompletionContext.of(c -> c.context(ctx -> ctx.category(token))))
                .toList();
        SearchRequest request = SearchRequest.of(s -> s.index(names.searchAll()).ignoreUnavailable(true).size(0)
                .source(src -> src.filter(f -> f.includes("type", "link", "title")))
                .suggest(su -> su.text(text).suggesters("titles", fs -> fs.completion(c -> c.field("suggest")
                        .size(SUGGESTIONS * 2).skipDuplicates(true).contexts("readers", contexts)
                        .fuzzy(f -> f.fuzziness("AUTO:4,7").prefixLength(1).minLength(4))))));
        SearchResponse<JsonNode> response = guard.call(() -> client.search(request, JsonNode.class));
        Map<String, TitleSuggestion> unique = new LinkedHashMap<>();
        for (Suggestion<JsonNode> suggestion : response.suggest().getOrDefault("titles", List.of())) {
            for (CompletionSuggestOption<JsonNode> option : suggestion.completion().options()) {
                JsonNode source = option.source();
                String title = source != null && source.hasNonNull("title") ? source.get("title").asString()
                        : option.text();
                unique.putIfAbsent(title.toLowerCase(java.util.Locale.ROOT), new TitleSuggestion(title,
                        source == null ? null : source.path("type").asString(null),
                        source == null ? null : source.path("link").asString(null)));
            }
        }
        return unique.values().stream().limit(SUGGESTIONS).toList();
    }

    record TitleSuggestion(String text, String type, String link) {
    }
}
