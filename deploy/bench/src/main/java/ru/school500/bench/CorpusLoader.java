package ru.school500.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * Loads the corpus through the gateway as the region accounts would: each order imported by its operator and
 * approved by its ministry, each practice created by the school and taken through submit, review and publish by
 * the operator, each material uploaded by the school. Then waits until the search has indexed the last write of
 * each change feed (the feeds are ordered, so everything before it is in too), the last material with its text.
 */
final class CorpusLoader {

    /** What the load left: roadmap id per region code, and how long it took. */
    record Loaded(Map<String, String> roadmaps, double seconds, int requests) {
    }

    private final Api api;
    private final int workers;
    private final AtomicInteger requests = new AtomicInteger();
    /** The materials in the order their uploads were answered. */
    private final Queue<Uploaded> uploaded = new ConcurrentLinkedQueue<>();

    private record Uploaded(Corpus.Material material, String user, String id) {
    }

    CorpusLoader(Api api, int workers) {
        this.api = api;
        this.workers = workers;
    }

    Loaded load(Corpus corpus) {
        long started = System.nanoTime();
        Map<String, String> roadmaps = new ConcurrentHashMap<>();
        parallel(corpus.orders(), order -> roadmaps.put(order.region().code(), importAndApprove(order)));
        checkRoadmaps(corpus, roadmaps);
        log("roadmaps: " + roadmaps.size() + ", each region's one approved");
        AtomicInteger done = new AtomicInteger();
        parallel(corpus.practices(), practice -> {
            practice(practice);
            progress("practices", done.incrementAndGet(), corpus.practices().size());
        });
        done.set(0);
        parallel(corpus.materials(), material -> {
            material(material);
            progress("materials", done.incrementAndGet(), corpus.materials().size());
        });
        awaitIndexed(corpus);
        return new Loaded(Map.copyOf(roadmaps), (System.nanoTime() - started) / 1e9, requests.get());
    }

    private static void progress(String what, int done, int total) {
        if (done % 1000 == 0 || done == total) {
            log(what + ": " + done + "/" + total);
        }
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /**
     * Imports the order and approves the roadmap, and answers the id of the approved roadmap. An import whose answer
     * was lost (the gateway's time limit under load, a dropped connection) may still have created the roadmap, so
     * before importing again the loader looks for the region's roadmap: the stack starts on fresh data, so any
     * roadmap of the region is this run's.
     */
    private String importAndApprove(Corpus.Order order) {
        String operator = Accounts.operator(order.region());
        JsonNode roadmap = null;
        for (int attempt = 1; roadmap == null; attempt++) {
            try {
                JsonNode imported = api.multipartOnce(operator, "/api/roadmaps/import",
                        Map.of("region", List.of(order.region().code())), "распоряжение-" + order.region().code() + ".txt",
                        "text/plain", OrderFormats.txt(order), 201);
                requests.incrementAndGet();
                roadmap = imported.path("roadmap");
            } catch (IllegalStateException e) {
                List<JsonNode> existing = regionRoadmaps(order.region());
                if (!existing.isEmpty()) {
                    log("import of region " + order.region().code() + " answered " + e.getMessage().lines().findFirst()
                            .orElse("") + ", but created roadmap " + existing.getFirst().path("id").asString());
                    roadmap = existing.getFirst();
                } else if (attempt == 3) {
                    throw e;
                }
            }
        }
        String id = roadmap.path("id").asString();
        long version = roadmap.path("version").asLong();
        for (int attempt = 1; ; attempt++) {
            try {
                api.post(Accounts.ministry(order.region()), "/api/roadmaps/" + id + "/approve",
                        Map.of("If-Match", "\"" + version + "\""), 200);
                requests.incrementAndGet();
                return id;
            } catch (IllegalStateException e) {
                // an approval whose answer was lost (gateway time limit under load) and then repeated: look first
                JsonNode current = api.get(Accounts.operator(order.region()), "/api/roadmaps/" + id);
                if ("APPROVED".equals(current.path("status").asString())) {
                    return id;
                }
                if (attempt == 3) {
                    throw e;
                }
                version = current.path("version").asLong();
            }
        }
    }

    /** The region's roadmaps as its operator lists them (drafts included), oldest first. */
    private List<JsonNode> regionRoadmaps(Corpus.Region region) {
        JsonNode page = api.get(Accounts.operator(region), "/api/roadmaps?size=100&region=" + Api.encode(region.code()));
        requests.incrementAndGet();
        List<JsonNode> roadmaps = new ArrayList<>();
        page.path("content").forEach(roadmaps::add);
        roadmaps.sort(java.util.Comparator.comparing(r -> r.path("updatedAt").asString()));
        return roadmaps;
    }

    /**
     * Checks through the public API that each region has exactly its one approved roadmap, the one kept: a draft
     * left by an import repeated after a lost answer is deleted, so the corpus is what it claims.
     */
    private void checkRoadmaps(Corpus corpus, Map<String, String> kept) {
        for (Corpus.Order order : corpus.orders()) {
            String id = kept.get(order.region().code());
            for (JsonNode roadmap : regionRoadmaps(order.region())) {
                String other = roadmap.path("id").asString();
                if (other.equals(id)) {
                    if (!"APPROVED".equals(roadmap.path("status").asString())) {
                        throw new IllegalStateException("roadmap " + id + " of region " + order.region().code()
                                + " is " + roadmap.path("status").asString() + ", not APPROVED");
                    }
                } else if ("DRAFT".equals(roadmap.path("status").asString())) {
                    log("deleting draft " + other + " of region " + order.region().code() + " (a repeated import)");
                    api.delete(Accounts.operator(order.region()), "/api/roadmaps/" + other,
                            Map.of("If-Match", "\"" + roadmap.path("version").asLong() + "\""), 204);
                    requests.incrementAndGet();
                } else {
                    throw new IllegalStateException("region " + order.region().code() + " has a second roadmap " + other
                            + " (" + roadmap.path("status").asString() + ") besides " + id);
                }
            }
        }
    }

    private void practice(Corpus.Practice practice) {
        String school = Accounts.school(practice.region());
        String operator = Accounts.operator(practice.region());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", practice.title());
        body.put("authors", practice.authors());
        body.put("direction", practice.direction());
        body.put("educationLevel", practice.level());
        body.put("riskFactors", practice.riskFactors());
        body.put("description", practice.description());
        body.put("results", practice.results());
        JsonNode created = api.postJson(school, "/api/documents/practices", body, 201);
        requests.incrementAndGet();
        advance("/api/documents/practices/" + created.path("id").asString(), created, practice.status(), school, operator);
    }

    /** Takes the practice step by step to {@code target}; after a failed step it reads where the practice is. */
    private void advance(String path, JsonNode created, String target, String school, String operator) {
        JsonNode view = created;
        for (int step = 0; !view.path("status").asString().equals(target); step++) {
            if (step > 8) {
                throw new IllegalStateException(path + " does not reach " + target + ": " + view);
            }
            String status = view.path("status").asString();
            try {
                view = switch (status) {
                    case "DRAFT" -> api.post(school, path + "/submit", Map.of(), 200);
                    case "SUBMITTED" -> api.post(operator, path + "/review", Map.of(), 200);
                    case "IN_REVIEW" -> api.postJson(operator, path + "/publish", Map.of("conclusion",
                            "Практика соответствует критериям реестра и рекомендуется к распространению.", "score", 80),
                            200);
                    default -> throw new IllegalStateException(path + " is " + status + ", not on the way to " + target);
                };
                requests.incrementAndGet();
            } catch (IllegalStateException e) {
                view = api.get(school, path);
                if (view.path("status").asString().equals(status)) {
                    throw e;
                }
            }
        }
    }

    private void material(Corpus.Material material) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("type", List.of("SCHOOL_MATERIAL"));
        form.put("kind", List.of(material.kind()));
        form.put("title", List.of(material.title()));
        form.put("riskFactors", material.riskFactors());
        String user = Accounts.school(material.region());
        JsonNode created = api.multipart(user, "/api/documents", form, "материал.txt", "text/plain; charset=UTF-8",
                material.text().getBytes(StandardCharsets.UTF_8), 201);
        uploaded.add(new Uploaded(material, user, created.path("id").asString()));
        requests.incrementAndGet();
    }

    private void awaitIndexed(Corpus corpus) {
        List<Runnable> checks = new ArrayList<>();
        corpus.practices().stream().filter(p -> p.status().equals("PUBLISHED")).reduce((a, b) -> b).ifPresent(p ->
                checks.add(() -> awaitFound(Accounts.school(p.region()), p.title(), "PRACTICE")));
        if (!uploaded.isEmpty()) {
            checks.add(() -> {
                Uploaded last = awaitExtracted();
                awaitFound(last.user(), last.material().title(), Searches.phrase(last.material().title()) + " "
                        + Searches.phrase(firstWords(last.material().text(), 6)), "DOCUMENT with its text");
            });
        }
        checks.forEach(Runnable::run);
        log("search has indexed the corpus");
    }

    /**
     * document-service extracts the materials' texts after their uploads, oldest first, and the search indexes each
     * text when it is done: minutes of work after the last upload's answer, which would otherwise run under the
     * measurements. Waits until the last uploads' texts are extracted (any earlier one is then done too, give or take
     * the uploads that were in flight together) and returns the last of them.
     */
    private Uploaded awaitExtracted() {
        List<Uploaded> answered = List.copyOf(uploaded);
        List<Uploaded> lastOnes = answered.subList(Math.max(0, answered.size() - 4 * workers), answered.size());
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        for (Uploaded material : lastOnes) {
            while (List.of("PENDING", "RUNNING").contains(
                    api.get(material.user(), "/api/documents/" + material.id()).path("extractionStatus").asString())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("text of «" + material.material().title() + "» not extracted within 15 min");
                }
                sleep(Duration.ofMillis(200));
            }
        }
        log("materials' texts extracted");
        return lastOnes.getLast();
    }

    private static String firstWords(String text, int count) {
        String[] words = text.replaceAll("[^\\p{L}\\p{N} ]+", " ").strip().split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(count, words.length)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the search (with a deadline) until a record titled {@code title} is found by {@code user}. */
    void awaitFound(String user, String title, String type) {
        awaitFound(user, title, Searches.phrase(title), type);
    }

    /** The same, for the search {@code query}. */
    private void awaitFound(String user, String title, String query, String type) {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (found(user, title, query)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("not indexed within 15 min: " + type + " «" + title + "»");
    }

    boolean found(String user, String title) {
        return found(user, title, Searches.phrase(title));
    }

    private boolean found(String user, String title, String query) {
        JsonNode page = api.get(user, "/api/search?size=5&q=" + Api.encode(query));
        for (JsonNode hit : page.path("hits")) {
            if (title.equals(hit.path("title").asString())) {
                return true;
            }
        }
        return false;
    }

    private <T> void parallel(List<T> items, java.util.function.Consumer<T> action) {
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("loading the corpus failed: " + e.getMessage(), e);
        }
    }
}
