package ru.school500.searchservice.query;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.web.Problems;

/** {@code /api/search}: open to everyone; what a caller finds depends on who they are. */
@RestController
@Validated
@RequestMapping("/api/search")
@Tag(name = "Поиск")
class SearchController {

    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_FILTER_VALUES = 50;

    private final SearchService search;
    private final SuggestService suggestions;

    SearchController(SearchService search, SuggestService suggestions) {
        this.search = search;
        this.suggestions = suggestions;
    }

    @GetMapping
    @Operation(summary = "Полнотекстовый поиск с морфологией, фасетами и подсветкой",
            description = "Синтаксис q: слова (все обязательны), \"фраза\", -исключение, OR/ИЛИ. Опечатки "
                    + "допускаются. Видимость записей определяется токеном вызывающего; без токена — только "
                    + "опубликованные практики и утверждённые дорожные карты. Дальше 10 000-го результата — "
                    + "по курсору after из поля next.")
    SearchResult search(
            @RequestParam(required = false) @Size(max = MAX_QUERY_LENGTH) String q,
            @RequestParam(required = false) @Size(max = MAX_FILTER_VALUES) List<String> type,
            @RequestParam(required = false) @Size(max = MAX_FILTER_VALUES) List<String> region,
            @RequestParam(required = false) @Size(max = MAX_FILTER_VALUES) List<@Min(1900) @Max(2200) Integer> year,
            @RequestParam(required = false) @Size(max = MAX_FILTER_VALUES) List<String> direction,
            @RequestParam(required = false) @Size(max = MAX_FILTER_VALUES) List<String> level,
            @RequestParam(required = false) @Size(max = MAX_FILTER_VALUES) List<String> riskFactor,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @Parameter(description = "relevance (по умолчанию), date или title")
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(required = false) @Size(max = 512) String after) {
        if (q == null || q.isBlank()) {
            throw Problems.invalidFields(java.util.Map.of("q", "Введите поисковый запрос."));
        }
        SearchParams params = new SearchParams(q, upper(type), region, year, upper(direction), upper(level),
                upper(riskFactor), page, size, sortOrder(sort), after);
        return search.search(params, CurrentUser.current());
    }

    @GetMapping("/suggest")
    @Operation(summary = "Подсказки по началу названия (только видимые вызывающему записи)")
    List<SuggestService.TitleSuggestion> suggest(@RequestParam(required = false) @Size(max = 100) String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return suggestions.suggest(q, CurrentUser.current());
    }

    private static SearchParams.SortOrder sortOrder(String sort) {
        try {
            return SearchParams.SortOrder.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidFields(java.util.Map.of("sort", "Допустимо: relevance, date, title."));
        }
    }

    private static List<String> upper(List<String> values) {
        return values == null ? null : values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList();
    }
}
