package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import ru.school500.e2e.AuthzHttp.Answer;
import ru.school500.e2e.AuthzHttp.Body;
import ru.school500.e2e.AuthzRules.Operation;
import ru.school500.e2e.AuthzRules.OperationKey;

/**
 * Issue 18, «Authorization, generated»: every operation of the three services' OpenAPI documents × every demo
 * user and anonymous × objects of both regions in every state, through the gateway of the running platform,
 * answers the status {@code authz/rules.txt} gives, and no answer to anybody — bodies, error messages, lists,
 * exports, audit, search hits, totals, facets, highlights and suggestions — carries a marker word of an object
 * that caller may not read. An operation without a rule fails the build.
 */
@ExtendWith(RunningPlatform.class)
class AuthorizationMatrixIT {

    private static final Map<String, Integer> SERVICES = Map.of("roadmap-service", 8081, "document-service", 8082,
            "search-service", 8083);
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final int THREADS = 4;

    private static AuthzRules rules;
    private static Map<String, AuthzCaller> users;
    private static List<AuthzCaller> callers;
    private static AuthzFixtures fixtures;
    private static List<AuthzObject> objects;
    private static Map<AuthzObject, String> fingerprints;

    @BeforeAll
    static void objectsInEveryStateOfBothRegions() {
        rules = AuthzRules.load();
        users = new LinkedHashMap<>();
        AuthzCaller.DEMO_USERS.forEach(user -> users.put(user, AuthzCaller.of(user)));
        callers = new ArrayList<>(users.values());
        callers.addFirst(AuthzCaller.ANONYMOUS);
        fixtures = new AuthzFixtures(users);
        Instant start = Instant.now();
        objects = fixtures.all(fixtures.common);
        System.out.println("authorization matrix: " + objects.size() + " objects made in "
                + Duration.between(start, Instant.now()).toSeconds() + " s");
        fingerprints = new LinkedHashMap<>();
        objects.forEach(object -> fingerprints.put(object, fingerprint(object)));
    }

    @Test
    void everyOperationOfTheThreeOpenApiDocumentsHasExactlyOneRuleAndEveryRuleAnOperation() {
        Set<OperationKey> documented = documentedOperations();
        Set<OperationKey> ruled = rules.operations().keySet();
        List<String> missing = documented.stream().filter(op -> !ruled.contains(op)).map(OperationKey::toString)
                .sorted().toList();
        List<String> stale = ruled.stream().filter(op -> !documented.contains(op)).map(OperationKey::toString)
                .sorted().toList();
        assertThat(missing).as("operations in the OpenAPI documents without a rule: add each to "
                + "deploy/e2e/src/test/resources" + AuthzRules.RESOURCE + " (who may call it, on which objects)")
                .isEmpty();
        assertThat(stale).as("rules in " + AuthzRules.RESOURCE + " for operations no OpenAPI document has any more")
                .isEmpty();
    }

    @Test
    void everyCallerGetsTheStatusOfTheRulesForEveryOperationOnEveryObjectAndNeverSeesWhatItMayNotRead()
            throws Exception {
        List<Cell> cells = new ArrayList<>();
        Set<OperationKey> documented = documentedOperations();
        for (Operation op : rules.operations().values()) {
            if (!documented.contains(op.key())) {
                continue; // reported by the test above
            }
            List<AuthzObject> targets = targetsOf(op);
            for (AuthzCaller caller : callers) {
                for (AuthzObject object : targets) {
                    cells.add(new Cell(op, caller, object));
                }
            }
        }
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> running = new ArrayList<>();
            List<Cell> oneAfterAnother = cells.stream().filter(cell -> cell.op().shared()).toList();
            running.add(pool.submit(() -> oneAfterAnother.forEach(cell -> wrong.addAll(cell.run()))));
            for (Cell cell : cells) {
                if (!cell.op().shared()) {
                    running.add(pool.submit(() -> wrong.addAll(cell.run())));
                }
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        System.out.println("authorization matrix: " + cells.size() + " calls in "
                + Duration.between(start, Instant.now()).toSeconds() + " s");
        for (AuthzObject object : objects) {
            String now = fingerprint(object);
            if (!now.equals(fingerprints.get(object))) {
                wrong.add(object + " changed by calls that the rules refuse: " + fingerprints.get(object) + " → " + now);
            }
        }
        assertThat(new TreeSet<>(wrong)).as(cells.size() + " calls; the rules are in " + AuthzRules.RESOURCE).isEmpty();
    }

    @Test
    void theSearchShowsEachCallerExactlyWhatTheRulesLetItFindInHitsTotalsFacetsHighlightsAndSuggestions()
            throws Exception {
        List<String> wrong = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<List<String>>> running = new ArrayList<>();
            for (AuthzCaller caller : callers) {
                running.add(pool.submit(() -> searchAs(caller)));
            }
            for (Future<List<String>> future : running) {
                wrong.addAll(future.get());
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<String> searchAs(AuthzCaller caller) {
        List<String> wrong = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (AuthzObject object : objects) {
            if (rules.finds(caller, object)) {
                expected.add(object.markers().getFirst());
            }
        }
        String q = "/api/search?size=100&q=" + encode(fixtures.common);
        Answer last = awaitAnswer(q, caller, answer -> titleMarkers(answer).equals(expected));
        Set<String> found = titleMarkers(last);
        if (!found.equals(expected)) {
            wrong.add(caller + " finds " + difference(found, expected) + ", misses " + difference(expected, found));
        }
        if (last.status() == 200) {
            JsonNode result = last.json();
            int hits = result.path("hits").size();
            if (result.path("total").asLong() != hits) {
                wrong.add(caller + ": total " + result.path("total") + " for " + hits + " hits on one page");
            }
            wrong.addAll(facetsWithin(caller, result, hits));
        }
        wrong.addAll(leaks(caller, last, "search"));

        // the markers of texts, files and comments (the titles' were searched above), then the suggestions
        List<String> markers = objects.stream().flatMap(o -> o.markers().stream().skip(1)).toList();
        for (List<String> chunk : chunks(markers, 6)) {
            Answer answer = AuthzHttp.get("/api/search?size=100&q=" + encode(String.join(" OR ", chunk)),
                    caller.token());
            check(wrong, caller + " search OR-chunk", answer, 200);
            wrong.addAll(leaks(caller, answer, "search by markers"));
        }
        for (AuthzObject object : objects) {
            String title = fixtures.common + " " + object.markers().getFirst();
            Answer answer = AuthzHttp.get("/api/search/suggest?q=" + encode(title), caller.token());
            check(wrong, caller + " suggest " + object, answer, 200);
            wrong.addAll(leaks(caller, answer, "suggest " + object));
            if (rules.finds(caller, object) && !answer.text().contains(object.markers().getFirst())) {
                wrong.add(caller + " gets no suggestion for " + object);
            }
        }
        return wrong;
    }

    @Test
    void internalOperationsRefuseEveryDemoUserAtTheServiceItself() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : rules.operations().values()) {
            if (!op.isInternal()) {
                continue;
            }
            String url = "http://127.0.0.1:" + SERVICES.get(op.key().service()) + op.key().path()
                    + (op.query().isEmpty() ? "" : "?" + op.query());
            for (AuthzCaller caller : callers) {
                Answer answer = AuthzHttp.call(op.method(), url, caller.token(),
                        op.method().equals("GET") ? null : Body.json("{}"), Map.of());
                int expected = caller.isAnonymous() ? 401 : 403;
                if (answer.status() != expected) {
                    wrong.add(op.key() + " at the service as " + caller + ": expected " + expected + ", got "
                            + answer.summary());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ one call

    /** One operation called by one caller on one object (or none). */
    private record Cell(Operation op, AuthzCaller caller, AuthzObject object) {

        List<String> run() {
            int expected = op.expected(rules, caller, object);
            AuthzObject target = object;
            boolean passes = expected != 401 && expected != 403 && expected != 404;
            if (op.changesSomething() && passes && object != null && !op.shared()) {
                target = fixtures.copyOf(object);
            }
            List<String> wrong = new ArrayList<>();
            String what = op.key() + " as " + caller + (object == null ? "" : " on " + object);
            if (op.setup() != null && passes) {
                String[] setup = op.setup().split("\\s+");
                Answer prepared = AuthzHttp.call(setup[0], AuthzHttp.GATEWAY + fill(op.key().path(), target, op),
                        caller.token(), body(setup[1], op, target), Map.of());
                if (prepared.status() >= 300) {
                    wrong.add(what + ": setup " + op.setup() + " answered " + prepared.summary());
                }
            }
            Answer answer = AuthzHttp.call(op.method(), AuthzHttp.GATEWAY + url(op, target), caller.token(),
                    body(op, target), op.ifMatch() && target != null && target.value("version") != null
                            ? AuthzFixtures.ifMatch(Long.parseLong(target.value("version"))) : Map.of());
            if (answer.status() != expected) {
                wrong.add(what + ": expected " + expected + ", got " + answer.summary());
            } else if (expected >= 400 && !op.isInternal() && !answer.contentType().startsWith("application/problem+json")) {
                wrong.add(what + ": " + expected + " is not problem+json but " + answer.contentType());
            }
            if (answer.status() >= 500) {
                wrong.add(what + ": a server error " + answer.summary());
            }
            wrong.addAll(leaks(caller, answer, what));
            return wrong;
        }
    }

    private static List<AuthzObject> targetsOf(Operation op) {
        if (op.targets().isEmpty()) {
            return Collections.singletonList(null);
        }
        List<AuthzObject> targets = new ArrayList<>();
        for (AuthzRules.Target target : op.targets()) {
            if (target.kind().equals("region")) {
                AuthzFixtures.REGIONS.forEach(region -> targets.add(AuthzFixtures.region(region)));
            } else {
                objects.stream().filter(o -> o.kind().equals(target.kind())).forEach(targets::add);
            }
        }
        return targets;
    }

    private static String url(Operation op, AuthzObject object) {
        String path = fill(op.key().path(), object, op);
        return op.query().isEmpty() ? path : path + "?" + fill(op.query(), object, op);
    }

    private static String fill(String template, AuthzObject object, Operation op) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = name.equals("common") ? fixtures.common : object == null ? null : object.value(name);
            if (value == null) {
                throw new IllegalStateException(op.key() + ": no value for {" + name + "} of " + object);
            }
            variable.appendReplacement(filled, Matcher.quoteReplacement(encode(value)));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private static Body body(Operation op, AuthzObject object) {
        if (op.body() == null) {
            return op.changesSomething() ? Body.json("{}") : null;
        }
        return body(op.body(), op, object);
    }

    private static Body body(String name, Operation op, AuthzObject object) {
        String region = object == null || object.region() == null ? "43" : object.region();
        String word = AuthzFixtures.word("copy");
        return switch (name) {
            case "empty" -> Body.json("{}");
            case "roadmap" -> Body.json(AuthzFixtures.roadmapJson(region, word, word));
            case "roadmap-header" -> Body.json("{\"level\": \"REGIONAL\", \"title\": \"" + word + "\", \"year\": 2022}");
            case "section" -> Body.json("{\"number\": \"2.\", \"title\": \"Раздел " + word + "\"}");
            case "item" -> Body.json("""
                    {"number": "1.2", "task": "Мероприятие %s", "deadline": {"text": "в течение года", "kind": "ONCE",
                     "periods": [{"start": "2022-01-01", "end": "2022-12-31"}]}}""".formatted(word));
            case "progress" -> Body.json("{\"status\": \"DONE\"}");
            case "classification" -> Body.json("{\"categories\": [\"MONITORING\"], \"comment\": \"Проверено\"}");
            case "rename" -> Body.json("{\"title\": \"Переименовано " + word + "\"}");
            case "comment" -> Body.json("{\"text\": \"Комментарий " + word + "\"}");
            case "practice" -> Body.json(AuthzFixtures.practiceJson(word, word));
            case "review" -> Body.json(AuthzFixtures.REVIEW);
            case "material-upload" -> Body.multipart(Map.of("type", "SCHOOL_MATERIAL", "kind", "REPORT",
                    "title", "Отчёт " + word, "region", region), "report.txt", "Отчёт " + word);
            case "order-text" -> Body.multipart(Map.of(), "order.txt", "Распоряжение без таблицы " + word);
            default -> throw new IllegalStateException(op.key() + ": unknown body " + name);
        };
    }

    // ------------------------------------------------------------------------------------------ checks

    /** Every marker of an object {@code caller} may not read that appears in the answer. */
    private static List<String> leaks(AuthzCaller caller, Answer answer, String what) {
        List<String> leaks = new ArrayList<>();
        for (AuthzObject object : objects) {
            if (rules.reads(caller, object)) {
                continue;
            }
            for (String marker : object.markers()) {
                if (answer.text().contains(marker)) {
                    leaks.add("LEAK " + what + ": " + caller + " sees " + marker + " of " + object);
                }
            }
        }
        return leaks;
    }

    /** No facet counts more records than the caller finds. */
    private static List<String> facetsWithin(AuthzCaller caller, JsonNode result, int visible) {
        List<String> wrong = new ArrayList<>();
        result.path("facets").properties().forEach(facet -> facet.getValue().forEach(bucket -> {
            if (bucket.path("count").asLong() > visible) {
                wrong.add(caller + ": facet " + facet.getKey() + " " + bucket + " counts more than the "
                        + visible + " visible objects");
            }
        }));
        return wrong;
    }

    /** The first marker of each shared object among the hits. */
    private static Set<String> titleMarkers(Answer answer) {
        Set<String> markers = new TreeSet<>();
        if (answer.status() != 200) {
            return markers;
        }
        Set<String> ids = new java.util.HashSet<>();
        answer.json().path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        for (AuthzObject object : objects) {
            // a roadmap is found as itself and as its item
            if (ids.contains(object.id()) || (object.value("itemId") != null && ids.contains(object.value("itemId")))) {
                markers.add(object.markers().getFirst());
            }
        }
        return markers;
    }

    private static Answer awaitAnswer(String path, AuthzCaller caller, java.util.function.Predicate<Answer> done) {
        try {
            return Eventually.within(Duration.ofSeconds(60)).alias(path + " as " + caller)
                    .until(() -> AuthzHttp.get(path, caller.token()), done::test);
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            return AuthzHttp.get(path, caller.token()); // the caller's check reports what it got
        }
    }

    private static void check(List<String> wrong, String what, Answer answer, int status) {
        if (answer.status() != status) {
            wrong.add(what + ": expected " + status + ", got " + answer.summary());
        }
    }

    /** What a reader of the object sees of it: status, version, state, deletion, title. */
    private static String fingerprint(AuthzObject object) {
        String path = switch (object.kind()) {
            case "roadmap" -> "/api/roadmaps/" + object.id();
            case "practice" -> "/api/documents/practices/" + object.id();
            default -> "/api/documents/" + object.id();
        };
        AuthzCaller reader = callers.stream().filter(c -> !c.isAnonymous() && rules.reads(c, object)).findFirst()
                .orElse(users.get("fed-analyst"));
        Answer answer = AuthzHttp.get(path, reader.token());
        if (answer.status() != 200) {
            return reader + " " + answer.status();
        }
        JsonNode view = answer.json();
        return reader + " " + answer.status() + " v" + view.path("version") + " " + view.path("status") + " "
                + view.path("deletedAt") + " " + view.path("title");
    }

    private static Set<OperationKey> documentedOperations() {
        Set<OperationKey> operations = new LinkedHashSet<>();
        SERVICES.forEach((service, port) -> {
            Answer doc = AuthzHttp.call("GET", "http://127.0.0.1:" + port + "/v3/api-docs", null, null, Map.of());
            JsonNode paths = AuthzHttp.expect(doc, 200, service + " /v3/api-docs").path("paths");
            paths.properties().forEach(path -> path.getValue().properties().forEach(method -> operations.add(
                    new OperationKey(service, method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey()))));
        });
        return operations;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).map(AuthorizationMatrixIT::describe)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(String marker) {
        return objects.stream().filter(o -> o.markers().getFirst().equals(marker)).findFirst().map(Object::toString)
                .orElse(marker);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
