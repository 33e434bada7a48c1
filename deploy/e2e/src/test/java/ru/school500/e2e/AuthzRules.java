package ru.school500.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code authz/rules.txt}, the one table of the platform's authorization rules: who reads each kind of object
 * in each state, who finds it in the search, and for every operation of the three OpenAPI documents the status
 * each caller gets on each object. The file's header explains the notation.
 */
final class AuthzRules {

    static final String RESOURCE = "/authz/rules.txt";

    /** An operation as the OpenAPI documents name it. */
    record OperationKey(String service, String method, String path) {
        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }

    /**
     * One object kind an operation applies to, with who may and in which states; in the {@code when} states
     * every reader gets {@code whenStatus} before anybody's permission is asked (an idempotent repeat, a
     * deleted object that cannot change).
     */
    record Target(String kind, Who permit, Set<String> states, Set<String> when, int whenStatus) {
    }

    record Operation(OperationKey key, String gate, List<Target> targets, Who permit, Set<String> states, int ok,
            int conflict, String query, String body, boolean ifMatch, boolean shared, String setup) {

        boolean isInternal() {
            return "internal".equals(gate);
        }

        boolean changesSomething() {
            return !method().equals("GET");
        }

        String method() {
            return key.method();
        }

        /** The status the rules give {@code caller} for this operation on {@code object} (null: no object). */
        int expected(AuthzRules rules, AuthzCaller caller, AuthzObject object) {
            if (isInternal()) {
                return caller.isAnonymous() ? 302 : 404;
            }
            if (caller.isAnonymous() && !gate.equals("public")) {
                return 401;
            }
            if (!gate.equals("public") && !gate.equals("signed-in")
                    && java.util.Arrays.stream(gate.split(",")).noneMatch(caller::has)) {
                return 403;
            }
            int refused = caller.isAnonymous() ? 401 : 403;
            if (object == null) {
                return permit == null || permit.test(caller, null) ? ok : refused;
            }
            Target target = target(object.kind());
            if (!rules.reads(caller, object)) {
                return 404;
            }
            if (target.when().contains(object.state())) {
                return target.whenStatus();
            }
            Who who = target.permit() != null ? target.permit() : permit;
            if (who != null && !who.test(caller, object)) {
                return refused;
            }
            Set<String> allowed = target.states() != null ? target.states() : states;
            if (allowed != null && !allowed.contains(object.state())) {
                return conflict;
            }
            return ok;
        }

        Target target(String kind) {
            return targets.stream().filter(t -> t.kind().equals(kind)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(key + " has no object " + kind));
        }
    }

    /** A disjunction of the predicates of the file's header. */
    record Who(String text, List<String> terms) {

        static Who parse(String text) {
            List<String> terms = new ArrayList<>();
            for (String term : text.split("\\|")) {
                terms.add(term.strip());
            }
            return new Who(text.strip(), List.copyOf(terms));
        }

        boolean test(AuthzCaller caller, AuthzObject object) {
            return terms.stream().anyMatch(term -> holds(term, caller, object));
        }

        private static boolean holds(String term, AuthzCaller caller, AuthzObject object) {
            switch (term) {
                case "everyone" -> {
                    return true;
                }
                case "nobody" -> {
                    return false;
                }
                case "signed-in" -> {
                    return !caller.isAnonymous();
                }
                default -> {
                    // continued below
                }
            }
            int at = term.indexOf('@');
            String role = at < 0 ? term : term.substring(0, at);
            String scope = at < 0 ? "" : term.substring(at + 1);
            boolean hasRole = role.equals("member") ? caller.hasRegionalRole() : caller.has(role);
            if (!hasRole) {
                return false;
            }
            if (scope.isEmpty()) {
                return true;
            }
            Objects.requireNonNull(object, () -> term + " needs an object");
            boolean sameRegion = object.region().equals(caller.region());
            return switch (scope) {
                case "region" -> sameRegion;
                case "municipality" -> sameRegion && object.municipality() != null
                        && object.municipality().equals(caller.municipality());
                case "school" -> sameRegion && object.school() != null && (role.equals("curator")
                        ? caller.schools().contains(object.school()) : object.school().equals(caller.school()));
                default -> throw new IllegalArgumentException("unknown scope in " + term);
            };
        }
    }

    private final Map<String, Who> read;
    private final Map<String, Who> search;
    private final Map<OperationKey, Operation> operations;

    private AuthzRules(Map<String, Who> read, Map<String, Who> search, Map<OperationKey, Operation> operations) {
        this.read = read;
        this.search = search;
        this.operations = operations;
    }

    static AuthzRules load() {
        try (InputStream in = AuthzRules.class.getResourceAsStream(RESOURCE)) {
            return parse(new String(Objects.requireNonNull(in, RESOURCE).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthzRules parse(String text) {
        Map<String, Who> read = new LinkedHashMap<>();
        Map<String, Who> search = new LinkedHashMap<>();
        Map<OperationKey, Operation> operations = new LinkedHashMap<>();
        String service = null;
        OperationBuilder op = null;
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String rest = words.length > 1 ? words[1].strip() : "";
            try {
                switch (words[0]) {
                    case "read", "search" -> {
                        String[] parts = rest.split("\\s+", 3);
                        Map<String, Who> into = words[0].equals("read") ? read : search;
                        for (String state : parts[1].split(",")) {
                            if (into.put(parts[0] + " " + state, Who.parse(parts[2])) != null) {
                                throw new IllegalArgumentException("twice: " + parts[0] + " " + state);
                            }
                        }
                    }
                    case "service" -> service = rest;
                    case "op" -> {
                        if (op != null) {
                            add(operations, op.build());
                        }
                        String[] parts = rest.split("\\s+");
                        op = new OperationBuilder(new OperationKey(Objects.requireNonNull(service, "service first"),
                                parts[0], parts[1]));
                    }
                    default -> Objects.requireNonNull(op, "op first").set(words[0], rest);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": " + e.getMessage() + ": " + line, e);
            }
        }
        if (op != null) {
            add(operations, op.build());
        }
        return new AuthzRules(read, search, operations);
    }

    private static void add(Map<OperationKey, Operation> operations, Operation operation) {
        if (operations.put(operation.key(), operation) != null) {
            throw new IllegalArgumentException("two rules for " + operation.key());
        }
    }

    Map<OperationKey, Operation> operations() {
        return operations;
    }

    boolean reads(AuthzCaller caller, AuthzObject object) {
        return readRule(object.kind(), object.state()).test(caller, object);
    }

    boolean finds(AuthzCaller caller, AuthzObject object) {
        Who who = search.get(object.kind() + " " + object.state());
        return who != null ? who.test(caller, object) : reads(caller, object);
    }

    boolean hasReadRule(String kind, String state) {
        return read.containsKey(kind + " " + state);
    }

    Who readRule(String kind, String state) {
        Who who = read.get(kind + " " + state);
        if (who == null) {
            throw new IllegalStateException(RESOURCE + " has no read rule for " + kind + " " + state);
        }
        return who;
    }

    private static final class OperationBuilder {
        private final OperationKey key;
        private final List<Target> targets = new ArrayList<>();
        private String gate = "signed-in";
        private Who permit;
        private Set<String> states;
        private int ok = 200;
        private int conflict = 409;
        private String query = "";
        private String body;
        private boolean ifMatch;
        private boolean shared;
        private String setup;

        OperationBuilder(OperationKey key) {
            this.key = key;
        }

        void set(String name, String value) {
            switch (name) {
                case "object" -> targets.add(target(value));
                case "gate" -> gate = value;
                case "permit" -> permit = Who.parse(value);
                case "states" -> states = Set.of(value.split(","));
                case "ok" -> ok = Integer.parseInt(value);
                case "conflict" -> conflict = Integer.parseInt(value);
                case "query" -> query = value;
                case "body" -> body = value;
                case "if-match" -> ifMatch = true;
                case "shared" -> shared = true;
                case "setup" -> setup = value;
                default -> throw new IllegalArgumentException("unknown key " + name);
            }
        }

        /** {@code <kind> [permit <who>] [states <s,…>] [when <s,…> <status>]}, in this order. */
        private static Target target(String value) {
            String rest = value.strip();
            Set<String> when = Set.of();
            int whenStatus = 0;
            int w = rest.indexOf(" when ");
            if (w >= 0) {
                String[] clause = rest.substring(w + 6).strip().split("\\s+");
                when = Set.of(clause[0].split(","));
                whenStatus = Integer.parseInt(clause[1]);
                rest = rest.substring(0, w);
            }
            Set<String> states = null;
            int s = rest.indexOf(" states ");
            if (s >= 0) {
                states = Set.of(rest.substring(s + 8).strip().split(","));
                rest = rest.substring(0, s);
            }
            Who permit = null;
            int p = rest.indexOf(" permit ");
            if (p >= 0) {
                permit = Who.parse(rest.substring(p + 8));
                rest = rest.substring(0, p);
            }
            return new Target(rest.strip(), permit, states, when, whenStatus);
        }

        Operation build() {
            return new Operation(key, gate, List.copyOf(targets), permit, states, ok, conflict, query, body, ifMatch, shared, setup);
        }
    }
}
