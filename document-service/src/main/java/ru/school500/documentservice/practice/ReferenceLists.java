package ru.school500.documentservice.practice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned reference lists kept in the repository ({@code src/main/resources/reference/*.json}):
 * best-practice directions and the risk factors of the 500+ school risk profile. A practice records the
 * directions version it was classified under.
 */
@Component
public class ReferenceLists {

    public record Item(String code, String title) {
    }

    public record ReferenceList(String name, int version, List<Item> items) {

        public boolean contains(String code) {
            return items.stream().anyMatch(item -> item.code().equals(code));
        }

        Set<String> codes() {
            return items.stream().map(Item::code).collect(Collectors.toUnmodifiableSet());
        }
    }

    private final ReferenceList directions;
    private final ReferenceList riskFactors;

    ReferenceLists(JsonMapper json) {
        this.directions = read(json, "reference/directions.json");
        this.riskFactors = read(json, "reference/risk-factors.json");
    }

    public ReferenceList directions() {
        return directions;
    }

    public ReferenceList riskFactors() {
        return riskFactors;
    }

    /** The risk-factor codes not in the list (empty when all are known). */
    public List<String> unknownRiskFactors(List<String> codes) {
        return codes.stream().filter(code -> !riskFactors.contains(code)).toList();
    }

    private static ReferenceList read(JsonMapper json, String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readValue(in, ReferenceList.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
