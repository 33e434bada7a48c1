package ru.school500.roadmapservice.roadmap.importer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code platform_import_outcomes_total{outcome, reason}}: what became of each import request — a preview, a
 * stored draft, or a refusal with its {@link ImportRejectedException.Reason} (the problem's {@code code}).
 * Registered on Micrometer's global registry, which Boot's Prometheus registry joins, so that the
 * controller and its advice need no wiring (and their slice tests none either).
 */
final class ImportOutcomes {

    private static final String NAME = "platform.import.outcomes";

    static {
        count("previewed", "none", 0);
        count("stored", "none", 0);
        for (ImportRejectedException.Reason reason : ImportRejectedException.Reason.values()) {
            count("rejected", reason.name(), 0);
        }
    }

    private ImportOutcomes() {
    }

    static void previewed() {
        count("previewed", "none", 1);
    }

    static void stored() {
        count("stored", "none", 1);
    }

    static void rejected(String reason) {
        count("rejected", reason, 1);
    }

    private static void count(String outcome, String reason, int amount) {
        Counter.builder(NAME).description("Import requests by outcome and refusal reason")
                .tag("outcome", outcome).tag("reason", reason).register(Metrics.globalRegistry).increment(amount);
    }
}
