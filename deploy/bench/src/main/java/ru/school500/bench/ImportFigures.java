package ru.school500.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** Dry-run import (preview) of every corpus order as TXT, DOCX and PDF, by the region's operator. */
final class ImportFigures {

    private record Format(String name, String fileName, String type, Function<Corpus.Order, byte[]> render) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("TXT", "распоряжение.txt", "text/plain", OrderFormats::txt),
            new Format("DOCX", "распоряжение.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", OrderFormats::docx),
            new Format("PDF", "распоряжение.pdf", "application/pdf", OrderFormats::pdf));

    private final Api api;

    ImportFigures(Api api) {
        this.api = api;
    }

    void measure(Corpus corpus, Report report) {
        int expected = corpus.orders().stream().mapToInt(Corpus.Order::items).sum();
        for (Format format : FORMATS) {
            List<Double> millis = new ArrayList<>();
            int read = 0;
            List<String> refused = new ArrayList<>();
            for (Corpus.Order order : corpus.orders()) {
                byte[] file = format.render().apply(order);
                long t0 = System.nanoTime();
                try {
                    JsonNode preview = api.multipart(Accounts.operator(order.region()), "/api/roadmaps/import?dryRun=true",
                            Map.of("region", List.of(order.region().code())), format.fileName(), format.type(), file, 200);
                    read += items(preview);
                } catch (IllegalStateException e) {
                    refused.add(order.region().code() + ": " + e.getMessage());
                }
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            if (!refused.isEmpty()) {
                report.details().put("importRefused." + format.name(), refused);
            }
            LoadRun.Stats stats = LoadRun.of(millis, refused.size());
            report.add("import." + format.name(), "dry-run import of each corpus order, " + format.name() + ", p95",
                    stats.p95(), "ms", null, null, "p95 ≤ 1 s", stats.p95() <= 1000, "p50 " + Report.round(stats.p50())
                            + " ms, max " + Report.round(stats.max()) + " ms over " + millis.size() + " orders; items read "
                            + read + " of " + expected + (refused.isEmpty() ? "" : "; " + refused.size() + " refused"));
        }
    }

    private static int items(JsonNode preview) {
        int count = 0;
        for (JsonNode section : preview.path("sections")) {
            count += section.path("items").size();
        }
        return count;
    }
}
