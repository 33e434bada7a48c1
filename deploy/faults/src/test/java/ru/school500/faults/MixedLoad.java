package ru.school500.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * A steady, bounded mix through the gateway on 127.0.0.1: searches (anonymous and as a school), roadmap and
 * document list reads, school material uploads and roadmap draft edits, each kind in its own virtual thread
 * at a fixed pace, far below the gateway's rate limit. Every call is recorded with its status and duration;
 * every acknowledged write goes into the {@link Ledger}.
 */
final class MixedLoad implements AutoCloseable {

    enum Kind {
        SEARCH(true), ROADMAP_READ(true), DOCUMENT_READ(true), UPLOAD(false), ROADMAP_EDIT(false);

        final boolean idempotent;

        Kind(boolean idempotent) {
            this.idempotent = idempotent;
        }
    }

    /** One call: status 0 when no answer came at all. */
    record Outcome(Kind kind, int status, long millis, Instant at, String detail) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Pace of each thread, and the most uploads of one run (a search page of 100 holds them all). */
    static final Duration READ_PAUSE = Duration.ofMillis(200);
    static final Duration WRITE_PAUSE = Duration.ofMillis(500);
    static final int MAX_UPLOADS = 90;
    private static final int EDITS_PER_ROADMAP = 8;

    private final Users users;
    private final Ledger ledger;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile boolean running;

    MixedLoad(Users users, Ledger ledger) {
        this.users = users;
        this.ledger = ledger;
    }

    static MixedLoad start(Users users, Ledger ledger) {
        MixedLoad load = new MixedLoad(users, ledger);
        load.running = true;
        load.threads.add(Thread.ofVirtual().name("load-reads").start(load::reads));
        load.threads.add(Thread.ofVirtual().name("load-uploads").start(load::uploads));
        load.threads.add(Thread.ofVirtual().name("load-edits").start(load::edits));
        return load;
    }

    private void reads() {
        String[] words = { "программа", "наставничество", "школа", "мониторинг" };
        for (int i = 0; running; i++) {
            String word = words[i % words.length];
            switch (i % 4) {
                case 0 -> call(Kind.SEARCH, () -> Api.get("/api/search?q=" + Api.encode(word), null));
                case 1 -> call(Kind.SEARCH, () -> Api.get("/api/search?q=" + Api.encode(ledger.marker()),
                        users.token(Users.SCHOOL)));
                case 2 -> call(Kind.ROADMAP_READ, () -> Api.get("/api/roadmaps?size=5", users.token(Users.OPERATOR)));
                default -> call(Kind.DOCUMENT_READ, () -> Api.get("/api/documents?size=5", users.token(Users.SCHOOL)));
            }
            pause(READ_PAUSE);
        }
    }

    private void uploads() {
        while (running && uploads.get() < MAX_UPLOADS) {
            int n = uploads.incrementAndGet();
            String title = "Программа развития " + ledger.marker() + " " + n;
            byte[] content = ("Программа развития школы, материал " + n + " проверки сбоев " + ledger.marker()
                    + ": наставничество, методическая помощь.\n").getBytes(StandardCharsets.UTF_8);
            Api.Answer answer = call(Kind.UPLOAD, () -> Api.upload(users.token(Users.SCHOOL), title, "material-" + n + ".txt",
                    content));
            if (answer.status() == 201) {
                ledger.uploaded(new Ledger.Upload(answer.json().get("id").asString(), title, content.length,
                        sha256(content)));
            }
            pause(WRITE_PAUSE);
        }
    }

    private void edits() {
        String id = null;
        String etag = null;
        int edits = 0;
        for (int n = 1; running; n++) {
            String token = users.token(Users.OPERATOR);
            if (id == null || edits >= EDITS_PER_ROADMAP) {
                String title = "Дорожная карта " + ledger.marker() + " " + n;
                Api.Answer created = call(Kind.ROADMAP_EDIT, () -> Api.postJson("/api/roadmaps", token, draft(title)));
                if (created.status() == 201) {
                    JsonNode body = created.json();
                    id = body.get("id").asString();
                    etag = created.header("ETag");
                    edits = 0;
                    ledger.edited(new Ledger.RoadmapEdit(id, body.get("version").asLong(), title));
                }
            } else if (etag == null) {
                String current = id;
                Api.Answer read = call(Kind.ROADMAP_READ, () -> Api.get("/api/roadmaps/" + current, token));
                etag = read.status() == 200 ? read.header("ETag") : null;
            } else {
                String title = "Дорожная карта " + ledger.marker() + " правка " + n;
                String current = id;
                String match = etag;
                Api.Answer edited = call(Kind.ROADMAP_EDIT, () -> Api.putJson("/api/roadmaps/" + current, token, match,
                        "{\"level\": \"REGIONAL\", \"title\": \"%s\", \"year\": 2026}".formatted(title)));
                if (edited.status() == 200) {
                    etag = edited.header("ETag");
                    edits++;
                    ledger.edited(new Ledger.RoadmapEdit(id, edited.json().get("version").asLong(), title));
                } else {
                    // unknown outcome (no answer, 503) or a stale ETag (412): read the draft again before editing
                    etag = null;
                }
            }
            pause(WRITE_PAUSE);
        }
    }

    private static String draft(String title) {
        return """
                {"region": "43", "level": "REGIONAL", "title": "%s", "year": 2026,
                 "sections": [{"number": "1.", "title": "Мониторинг",
                   "items": [{"number": "1.1", "task": "Мониторинг образовательных результатов школ",
                              "deadline": {"text": "до 25.12.2026", "kind": "ONCE",
                                           "periods": [{"start": null, "end": "2026-12-25"}]},
                              "executorsText": "министерство образования"}]}]}
                """.formatted(title);
    }

    private Api.Answer call(Kind kind, java.util.function.Supplier<Api.Answer> request) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        Api.Answer answer = request.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        outcomes.add(new Outcome(kind, answer.status(), millis, at,
                answer.status() >= 200 && answer.status() < 300 ? null : abbreviate(answer.body())));
        return answer;
    }

    /** Stops every thread after its current call. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<Outcome> outcomes(Predicate<Outcome> filter) {
        return outcomes.stream().filter(filter).toList();
    }

    /** Blocks until at least {@code count} more calls of {@code kind} have been answered successfully. */
    void awaitSuccesses(Kind kind, int count, Duration patience) {
        long before = outcomes(o -> o.kind() == kind && o.ok()).size();
        Instant deadline = Instant.now().plus(patience);
        while (outcomes(o -> o.kind() == kind && o.ok()).size() < before + count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(count + " successful " + kind + " calls not seen within " + patience.toSeconds()
                        + " s; last: " + outcomes(o -> o.kind() == kind).reversed().stream().limit(3).toList());
            }
            pause(Duration.ofMillis(100));
        }
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            List<Outcome> of = outcomes(o -> o.kind() == kind);
            long ok = of.stream().filter(Outcome::ok).count();
            text.append(kind).append(' ').append(ok).append('/').append(of.size()).append(" ok; ");
        }
        return text.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? null : body.length() > 300 ? body.substring(0, 300) : body;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
