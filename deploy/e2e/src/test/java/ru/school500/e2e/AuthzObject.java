package ru.school500.e2e;

import java.util.List;
import java.util.Map;

/**
 * An object of the authorization matrix: its kind and state ({@code authz/rules.txt}), where it belongs, the
 * values its operations' paths and queries need ({@code id}, {@code sectionId}, {@code version}, …), and the
 * marker words planted in its title, text, file and comments, which nobody who may not read it may ever see.
 */
record AuthzObject(String kind, String state, String region, String municipality, String school,
        Map<String, String> values, List<String> markers) {

    String id() {
        return values.get("id");
    }

    String value(String name) {
        return values.get(name);
    }

    @Override
    public String toString() {
        return kind + " " + state + " of " + region + (id() == null ? "" : " " + id());
    }
}
