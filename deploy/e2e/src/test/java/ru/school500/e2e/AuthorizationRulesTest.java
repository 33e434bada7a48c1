package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.school500.stack.StackLayout;

/**
 * The platform's rules table ({@code authz/rules.txt}) agrees with document-service's {@code access/read-matrix.txt}
 * for every caller and row both know, and its own notation means what its header says. No platform needed.
 */
class AuthorizationRulesTest {

    private static final AuthzRules RULES = AuthzRules.load();

    @Test
    void theReadAndSearchRulesAgreeWithDocumentServicesReadMatrix() throws IOException {
        List<String> lines = Files.readAllLines(StackLayout.findRepoRoot()
                .resolve("document-service/src/test/resources/access/read-matrix.txt"));
        Map<String, AuthzCaller> callers = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (line.startsWith("caller")) {
                callers.put(words[1], caller(words));
            } else if (words.length == 3 + callers.size() && !line.startsWith("#") && !words[0].equals("object")) {
                String kind = switch (words[0]) {
                    case "SCHOOL_MATERIAL" -> "material";
                    case "ORDER" -> "order";
                    case "PRACTICE" -> "practice";
                    case "PRACTICE_FILE" -> "practice-file";
                    default -> null; // signatures are not in the platform matrix: no demo signing key
                };
                boolean live = words[2].equals("live");
                String state = switch (kind == null ? "" : kind) {
                    case "material", "order" -> words[2];
                    case "practice" -> words[1];
                    case "practice-file" -> live ? words[1] : words[1] + "~deleted";
                    default -> null;
                };
                if (state == null || !RULES.hasReadRule(kind, state)) {
                    continue;
                }
                AuthzObject object = new AuthzObject(kind, state, "43", "43-01", "43-01-001", Map.of(), List.of());
                int column = 3;
                for (AuthzCaller caller : callers.values()) {
                    String cell = words[column++];
                    boolean reads = !cell.equals(".");
                    if (RULES.reads(caller, object) != reads) {
                        wrong.add("read " + object.kind() + " " + state + " by " + caller + ": read-matrix says " + cell);
                    }
                    if (live && RULES.finds(caller, object) != cell.equals("R")) {
                        wrong.add("search " + object.kind() + " " + state + " by " + caller + ": read-matrix says " + cell);
                    }
                    compared++;
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(compared).as("cells compared").isGreaterThan(250);
    }

    @Test
    void theStatusFollowsGateObjectPermissionAndStateInThatOrder() {
        AuthzRules rules = AuthzRules.parse("""
                read roadmap DRAFT  regional-operator@region | regional-ministry@region
                service s
                op POST /x/{id}
                  object roadmap permit regional-ministry@region states APPROVED
                  gate regional-ministry,regional-operator
                  ok 201
                """);
        AuthzRules.Operation op = rules.operations().values().iterator().next();
        AuthzObject draft = new AuthzObject("roadmap", "DRAFT", "43", null, null, Map.of(), List.of());
        assertThat(op.expected(rules, AuthzCaller.ANONYMOUS, draft)).isEqualTo(401);
        assertThat(op.expected(rules, caller("school", "43", null, null), draft)).isEqualTo(403);
        assertThat(op.expected(rules, caller("regional-ministry", "38", null, null), draft)).isEqualTo(404);
        assertThat(op.expected(rules, caller("regional-operator", "43", null, null), draft)).isEqualTo(403);
        assertThat(op.expected(rules, caller("regional-ministry", "43", null, null), draft)).isEqualTo(409);
    }

    @Test
    void inTheWhenStatesEveryReaderGetsTheirStatusBeforeAnyPermissionIsAsked() {
        AuthzRules rules = AuthzRules.parse("""
                read material live,deleted  school@school | regional-operator@region
                service s
                op DELETE /d/{id}
                  object material permit school@school states live when deleted 200
                  conflict 403
                """);
        AuthzRules.Operation op = rules.operations().values().iterator().next();
        AuthzObject deleted = new AuthzObject("material", "deleted", "43", "43-01", "43-01-001", Map.of(), List.of());
        AuthzObject live = new AuthzObject("material", "live", "43", "43-01", "43-01-001", Map.of(), List.of());
        AuthzCaller operator = caller("regional-operator", "43", null, null);
        AuthzCaller school = caller("school", "43", "43-01", "43-01-001");
        assertThat(op.expected(rules, operator, deleted)).isEqualTo(200);
        assertThat(op.expected(rules, operator, live)).isEqualTo(403);
        assertThat(op.expected(rules, school, live)).isEqualTo(200);
        assertThat(op.expected(rules, caller("regional-operator", "38", null, null), deleted)).isEqualTo(404);
    }

    @Test
    void aCuratorReadsOnlyTheSchoolsItCuratesInItsRegion() {
        AuthzRules rules = AuthzRules.parse("read material live curator@school\n");
        AuthzObject material = new AuthzObject("material", "live", "43", "43-01", "43-01-001", Map.of(), List.of());
        assertThat(rules.reads(caller("curator", "43", null, "43-01-002,43-01-001"), material)).isTrue();
        assertThat(rules.reads(caller("curator", "43", null, "43-01-002"), material)).isFalse();
        assertThat(rules.reads(caller("curator", "38", null, "43-01-001"), material)).isFalse();
    }

    @Test
    void aRuleTableWithTheSameOperationTwiceIsRefused() {
        assertThatThrownBy(() -> AuthzRules.parse("service s\nop GET /a\nop GET /a\n"))
                .hasMessageContaining("two rules for GET /a (s)");
    }

    private static AuthzCaller caller(String[] words) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            claims.put(pair[0], pair[1]);
        }
        if (claims.isEmpty()) {
            return new AuthzCaller(words[1], null, Set.of(), null, null, List.of());
        }
        AuthzCaller c = caller(claims.get("role"), claims.get("region"), claims.get("municipality"), claims.get("school"));
        return new AuthzCaller(words[1], c.token(), c.roles(), c.region(), c.municipality(), c.schools());
    }

    private static AuthzCaller caller(String role, String region, String municipality, String schools) {
        return new AuthzCaller(role, "token", Set.of(role), region, municipality,
                schools == null ? List.of() : Arrays.asList(schools.split(",")));
    }
}
