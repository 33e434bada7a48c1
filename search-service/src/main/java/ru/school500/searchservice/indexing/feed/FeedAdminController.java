package ru.school500.searchservice.indexing.feed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.school500.searchservice.indexing.IndexAdmin;
import ru.school500.searchservice.indexing.IndexKind;
import ru.school500.searchservice.web.Problems;

/**
 * Operator actions, not routed by the gateway and open only to the indexer's service account
 * ({@code deploy/local/reindex} calls them with its client-credentials token).
 */
@RestController
@Tag(name = "Администрирование индекса (внутреннее)")
class FeedAdminController {

    private final FeedPoller poller;
    private final IndexAdmin admin;

    FeedAdminController(FeedPoller poller, IndexAdmin admin) {
        this.poller = poller;
        this.admin = admin;
    }

    @GetMapping("/internal/admin/status")
    @Operation(summary = "Позиции лент изменений и последние ошибки индексации")
    Map<String, FeedPoller.FeedStatus> status() {
        return poller.statuses();
    }

    @PostMapping("/internal/admin/reindex")
    @Operation(summary = "Полная переиндексация: новый индекс, копирование, атомарная смена псевдонима")
    List<IndexAdmin.ReindexReport> reindex(@RequestParam(required = false) List<String> kind) throws IOException {
        List<IndexKind> kinds = new ArrayList<>();
        if (kind == null || kind.isEmpty()) {
            kinds.addAll(List.of(IndexKind.values()));
        } else {
            for (String name : kind) {
                try {
                    kinds.add(IndexKind.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw Problems.of(HttpStatus.BAD_REQUEST, "Неизвестный вид индекса",
                            "Вид индекса «" + name + "» неизвестен; допустимы: practices, documents, roadmaps.");
                }
            }
        }
        List<IndexAdmin.ReindexReport> reports = new ArrayList<>();
        for (IndexKind each : kinds) {
            try {
                reports.add(admin.reindex(each));
            } catch (IndexAdmin.ReindexInProgressException e) {
                throw Problems.of(HttpStatus.CONFLICT, "Переиндексация уже идёт",
                        "Переиндексация «" + each.segment() + "» уже выполняется, дождитесь её окончания.");
            }
        }
        return reports;
    }
}
