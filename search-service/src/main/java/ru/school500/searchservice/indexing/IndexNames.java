package ru.school500.searchservice.indexing;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

import ru.school500.searchservice.elasticsearch.ElasticsearchProperties;

/**
 * Names of the aliases the service reads and writes ({@code <prefix>-practices}, …), of the concrete
 * indices behind them ({@code <prefix>-practices-v1-20261130t154500123}) and of the state index that
 * holds the feed cursors and classification overrides.
 */
@Component
public class IndexNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final String prefix;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    IndexNames(ElasticsearchProperties properties) {
        this(properties.indexPrefix(), Clock.systemUTC());
    }

    IndexNames(String prefix, Clock clock) {
        this.prefix = prefix;
        this.clock = clock;
    }

    public String alias(IndexKind kind) {
        return prefix + "-" + kind.segment();
    }

    public String newIndex(IndexKind kind, int schema) {
        return alias(kind) + "-v" + schema + "-" + STAMP.format(clock.instant());
    }

    public String state() {
        return prefix + "-state";
    }

    public String overrides() {
        return prefix + "-classification-overrides";
    }

    public String searchAll() {
        return alias(IndexKind.PRACTICES) + "," + alias(IndexKind.DOCUMENTS) + "," + alias(IndexKind.ROADMAPS);
    }
}
