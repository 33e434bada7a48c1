package ru.school500.e2e;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import ru.school500.e2e.AuthzHttp.Body;

/**
 * Makes the matrix's objects through the public API as their real owners do (the region's operator, ministry
 * and school1), in any state, each with fresh marker words in its title, text, file and comments. The same
 * recipe makes the shared objects every caller is tried on and the fresh copies a permitted change runs on.
 */
final class AuthzFixtures {

    static final List<String> REGIONS = List.of("38", "43");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The word every shared object's title starts with: a search for it lists everything a caller may find. */
    final String common = word("authz");
    private final Map<String, AuthzCaller> users;

    AuthzFixtures(Map<String, AuthzCaller> users) {
        this.users = users;
    }

    /** A word no other object and no other test run has: lower-case Latin, so every analyser keeps it whole. */
    static String word(String prefix) {
        StringBuilder word = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    /** Every kind in every state of the rules, in both regions; files of practices come with their practice. */
    List<AuthzObject> all(String titleWord) {
        List<AuthzObject> objects = new ArrayList<>();
        for (String region : REGIONS) {
            for (String state : List.of("DRAFT", "APPROVED", "DELETED")) {
                objects.add(roadmap(region, state, titleWord));
            }
            for (String state : List.of("live", "deleted")) {
                objects.add(material(region, state, titleWord));
                objects.add(order(region, state, titleWord));
            }
            for (String state : List.of("DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "REJECTED", "PUBLISHED")) {
                objects.addAll(practice(region, state, titleWord));
            }
        }
        return objects;
    }

    /** A fresh object like {@code like}, for a call that may change it. */
    AuthzObject copyOf(AuthzObject like) {
        String titleWord = word("copy");
        return switch (like.kind()) {
            case "region" -> like;
            case "roadmap" -> roadmap(like.region(), like.state(), titleWord);
            case "material" -> material(like.region(), like.state(), titleWord);
            case "order" -> order(like.region(), like.state(), titleWord);
            case "practice" -> practice(like.region(), like.state(), titleWord).getFirst();
            case "practice-file" -> practice(like.region(), like.state().replace("~deleted", ""), titleWord).stream()
                    .filter(o -> o.kind().equals("practice-file") && o.state().equals(like.state())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no copy of " + like));
            default -> throw new IllegalArgumentException(like.kind());
        };
    }

    static AuthzObject region(String region) {
        return new AuthzObject("region", "-", region, null, null, Map.of("region", region), List.of());
    }

    // ------------------------------------------------------------------------------------------ roadmaps

    AuthzObject roadmap(String region, String state, String titleWord) {
        String title = word("r");
        String item = word("ri");
        String operator = user(region, "operator");
        JsonNode view = AuthzHttp.expect(AuthzHttp.postJson("/api/roadmaps", users.get(operator).token(),
                roadmapJson(region, titleWord + " " + title, item)), 201, "create roadmap as " + operator);
        String id = view.path("id").asString();
        long version = view.path("version").asLong();
        JsonNode section = view.path("sections").get(0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("region", region);
        values.put("sectionId", section.path("id").asString());
        values.put("itemId", section.path("items").get(0).path("id").asString());
        values.put("stage", "2022-06-17");
        switch (state) {
            case "DRAFT" -> {
            }
            case "APPROVED" -> {
                String ministry = user(region, "ministry");
                JsonNode approved = AuthzHttp.expect(AuthzHttp.call("POST", AuthzHttp.GATEWAY + "/api/roadmaps/" + id
                        + "/approve", users.get(ministry).token(), Body.json("{}"), ifMatch(version)), 200,
                        "approve roadmap as " + ministry);
                version = approved.path("version").asLong();
            }
            case "DELETED" -> AuthzHttp.expect(AuthzHttp.call("DELETE", AuthzHttp.GATEWAY + "/api/roadmaps/" + id,
                    users.get(operator).token(), null, ifMatch(version)), 204, "delete roadmap as " + operator);
            default -> throw new IllegalArgumentException(state);
        }
        values.put("version", Long.toString(version));
        return new AuthzObject("roadmap", state, region, null, null, values, List.of(title, item));
    }

    static String roadmapJson(String region, String title, String itemWord) {
        return """
                {"region": "%s", "level": "REGIONAL", "title": "%s Дорожная карта", "year": 2022,
                 "sections": [{"number": "1.", "title": "Мониторинг",
                   "items": [{"number": "1.1", "task": "Мониторинг образовательных результатов %s",
                              "deadline": {"text": "до 23.12.2022", "kind": "ONCE",
                                           "periods": [{"start": null, "end": "2022-12-23"}]},
                              "executorsText": "министерство образования"}]}]}
                """.formatted(region, title, itemWord);
    }

    static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    // ------------------------------------------------------------------------------------------ documents

    AuthzObject material(String region, String state, String titleWord) {
        String title = word("m");
        String text = word("mt");
        String comment = word("mc");
        String school = user(region, "school1");
        JsonNode view = upload(school, Map.of("type", "SCHOOL_MATERIAL", "kind", "DEVELOPMENT_PROGRAM",
                "title", titleWord + " " + title + " Программа развития"), "Программа развития школы " + text);
        String id = view.path("id").asString();
        String operator = user(region, "operator");
        AuthzHttp.expect(AuthzHttp.postJson("/api/documents/" + id + "/comments", users.get(operator).token(),
                "{\"text\": \"Замечание " + comment + "\"}"), 201, "comment as " + operator);
        if (state.equals("deleted")) {
            delete(school, id);
        }
        return document("material", state, view, List.of(title, text, comment));
    }

    AuthzObject order(String region, String state, String titleWord) {
        String title = word("o");
        String text = word("ot");
        String ministry = user(region, "ministry");
        JsonNode view = upload(ministry, Map.of("type", "ORDER", "title", titleWord + " " + title + " Распоряжение",
                "region", region, "orderNumber", title.substring(1, 6) + "-р", "orderDate", "2022-01-20",
                "authority", "Министерство образования"), "Распоряжение об утверждении " + text);
        String id = view.path("id").asString();
        if (state.equals("deleted")) {
            delete(ministry, id);
        }
        return document("order", state, view, List.of(title, text));
    }

    /** The practice in {@code state} with its file, and for DRAFT, SUBMITTED and PUBLISHED a file deleted in the draft. */
    List<AuthzObject> practice(String region, String state, String titleWord) {
        String title = word("p");
        String text = word("pt");
        String school = user(region, "school1");
        String operator = user(region, "operator");
        JsonNode view = AuthzHttp.expect(AuthzHttp.postJson("/api/documents/practices", users.get(school).token(),
                practiceJson(titleWord + " " + title, text)), 201, "create practice as " + school);
        String id = view.path("id").asString();
        String base = "/api/documents/practices/" + id;
        List<AuthzObject> objects = new ArrayList<>();
        String fileTitle = word("f");
        String fileText = word("ft");
        JsonNode file = upload(school, Map.of("type", "PRACTICE_FILE", "practiceId", id,
                "title", titleWord + " " + fileTitle + " Описание практики"), "Описание практики " + fileText);
        JsonNode deleted = null;
        List<String> deletedMarkers = List.of(word("fd"), word("fdt"));
        if (List.of("DRAFT", "SUBMITTED", "PUBLISHED").contains(state)) {
            deleted = upload(school, Map.of("type", "PRACTICE_FILE", "practiceId", id,
                    "title", titleWord + " " + deletedMarkers.get(0) + " Черновик приложения"),
                    "Черновик приложения " + deletedMarkers.get(1));
            delete(school, deleted.path("id").asString());
        }
        List<String> steps = switch (state) {
            case "DRAFT" -> List.of();
            case "SUBMITTED" -> List.of("submit");
            case "IN_REVIEW" -> List.of("submit", "review");
            case "RETURNED" -> List.of("submit", "review", "return");
            case "REJECTED" -> List.of("submit", "review", "reject");
            case "PUBLISHED" -> List.of("submit", "review", "publish");
            default -> throw new IllegalArgumentException(state);
        };
        for (String step : steps) {
            String by = step.equals("submit") ? school : operator;
            AuthzHttp.expect(AuthzHttp.postJson(base + "/" + step, users.get(by).token(), REVIEW), 200,
                    step + " practice as " + by);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("region", region);
        objects.add(new AuthzObject("practice", state, region, view.path("municipality").asString(null),
                view.path("school").asString(null), values, List.of(title, text)));
        objects.add(document("practice-file", state, file, List.of(fileTitle, fileText)));
        if (deleted != null) {
            objects.add(document("practice-file", state + "~deleted", deleted, deletedMarkers));
        }
        return objects;
    }

    static final String REVIEW = """
            {"conclusion": "Заключение эксперта", "score": 80, "comment": "Уточните результаты"}""";

    static String practiceJson(String title, String text) {
        return """
                {"title": "%s Наставничество", "authors": ["Иванова Е. П."], "direction": "MENTORING",
                 "educationLevel": "BASIC_GENERAL", "riskFactors": [], "description": "Пары наставников %s",
                 "results": "Рост результатов"}""".formatted(title, text);
    }

    private JsonNode upload(String user, Map<String, String> fields, String text) {
        return AuthzHttp.expect(AuthzHttp.call("POST", AuthzHttp.GATEWAY + "/api/documents", users.get(user).token(),
                Body.multipart(fields, "file.txt", text), Map.of()), 201, "upload " + fields.get("type") + " as " + user);
    }

    private void delete(String user, String id) {
        AuthzHttp.expect(AuthzHttp.call("DELETE", AuthzHttp.GATEWAY + "/api/documents/" + id, users.get(user).token(),
                null, Map.of()), 200, "delete document as " + user);
    }

    private static AuthzObject document(String kind, String state, JsonNode view, List<String> markers) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", view.path("id").asString());
        values.put("documentId", view.path("id").asString());
        values.put("version", "1");
        values.put("region", view.path("region").asString());
        if (view.hasNonNull("practiceId")) {
            values.put("practiceId", view.path("practiceId").asString());
        }
        return new AuthzObject(kind, state, view.path("region").asString(), view.path("municipality").asString(null),
                view.path("school").asString(null), values, markers);
    }

    private static String user(String region, String role) {
        return (region.equals("38") ? "irk-" : "kir-") + role;
    }
}
