package ru.school500.searchservice.visibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.security.Role;

/**
 * Who may see an indexed record, as a list of reader tokens stored on the record itself, and which tokens
 * a caller holds. A search filters on {@code readers} with the caller's tokens inside the Elasticsearch
 * query, so hits, totals, facets, highlights and suggestions all see the same set: nothing is filtered
 * after the fact. The rules mirror the source services' access rules (roadmap-service's RoadmapAccess,
 * document-service's DocumentAccess and PracticeAccess).
 *
 * <p>Tokens: {@code public}; {@code federal}; {@code region:<r>:<role>} and {@code region:<r>:member} (any
 * role of region r); {@code municipality:<m>:municipal-coordinator}; {@code school:<s>:school} and
 * {@code school:<s>:curator}.
 */
public final class Readers {

    public static final String PUBLIC = "public";
    public static final String FEDERAL = "federal";

    private Readers() {
    }

    /** The tokens the caller holds; an anonymous caller holds only {@code public}. */
    public static List<String> of(CurrentUser user) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(PUBLIC);
        if (user.has(Role.FEDERAL_ANALYST)) {
            tokens.add(FEDERAL);
        }
        String region = user.region();
        if (region != null && !region.isBlank()) {
            for (Role role : user.roles()) {
                if (role == Role.FEDERAL_ANALYST || role == Role.INDEXER) {
                    continue;
                }
                tokens.add(regionRole(region, role));
                tokens.add(regionMember(region));
            }
            if (user.has(Role.MUNICIPAL_COORDINATOR) && user.municipality() != null) {
                tokens.add(municipalCoordinator(user.municipality()));
            }
            if (user.has(Role.SCHOOL) && user.school() != null) {
                tokens.add(schoolItself(user.school()));
            }
            if (user.has(Role.CURATOR)) {
                user.schools().forEach(school -> tokens.add(curatorOf(school)));
            }
        }
        return List.copyOf(tokens);
    }

    /** Approved and superseded roadmaps are public; drafts: federal analysts and the region's staff. */
    public static List<String> roadmap(String status, String region) {
        if ("APPROVED".equals(status) || "SUPERSEDED".equals(status)) {
            return List.of(PUBLIC);
        }
        return List.of(FEDERAL, regionRole(region, Role.REGIONAL_OPERATOR), regionRole(region, Role.REGIONAL_MINISTRY),
                regionRole(region, Role.MUNICIPAL_COORDINATOR));
    }

    /**
     * Who sees the progress (monitoring statuses) of a roadmap's items, whatever the roadmap's status: federal
     * analysts and the region's operator, ministry and municipal coordinator, like roadmap-service's
     * {@code GET /api/roadmaps/{id}/progress}. Stored with the record as {@code details.progressReaders}.
     */
    public static List<String> progress(String region) {
        return List.of(FEDERAL, regionRole(region, Role.REGIONAL_OPERATOR), regionRole(region, Role.REGIONAL_MINISTRY),
                regionRole(region, Role.MUNICIPAL_COORDINATOR));
    }

    /** Whether a caller holding {@code tokens} is one of {@code readers}. */
    public static boolean anyOf(Collection<String> tokens, Collection<String> readers) {
        return readers.stream().anyMatch(tokens::contains);
    }

    /**
     * A best practice: published → everyone; a draft → only its school; submitted, in review, returned or
     * rejected → its school, its curators, its municipality's coordinator and the region's operator.
     */
    public static List<String> practice(String status, String region, String municipality, String school) {
        if ("PUBLISHED".equals(status)) {
            return List.of(PUBLIC);
        }
        List<String> readers = new ArrayList<>();
        addIfPresent(readers, school, Readers::schoolItself);
        if (!"DRAFT".equals(status)) {
            addIfPresent(readers, school, Readers::curatorOf);
            addIfPresent(readers, municipality, Readers::municipalCoordinator);
            addIfPresent(readers, region, r -> regionRole(r, Role.REGIONAL_OPERATOR));
        }
        return List.copyOf(readers);
    }

    /**
     * A document by its type: a school material → its school, curators, municipality coordinator and the
     * region's operator (federal analysts see materials only in aggregate); an order or signature → every
     * role of its region and federal analysts; a practice file → public once its practice is published,
     * otherwise only the author school.
     */
    public static List<String> document(String type, boolean isPublic, String region, String municipality,
            String school) {
        if (isPublic) {
            return List.of(PUBLIC);
        }
        List<String> readers = new ArrayList<>();
        switch (type) {
            case "SCHOOL_MATERIAL" -> {
                addIfPresent(readers, school, Readers::schoolItself);
                addIfPresent(readers, school, Readers::curatorOf);
                addIfPresent(readers, municipality, Readers::municipalCoordinator);
                addIfPresent(readers, region, r -> regionRole(r, Role.REGIONAL_OPERATOR));
            }
            case "ORDER", "SIGNATURE" -> {
                readers.add(FEDERAL);
                addIfPresent(readers, region, Readers::regionMember);
            }
            case "PRACTICE_FILE" -> addIfPresent(readers, school, Readers::schoolItself);
            default -> {
                // an unknown type is visible to nobody until the rules know it
            }
        }
        return List.copyOf(readers);
    }

    /**
     * A practice file: public once its practice is published, otherwise the readers of its practice in that
     * status (document-service's {@code PracticeVisibility}); without the status (a feed entry of an older
     * document-service) only the author school.
     */
    public static List<String> practiceFile(String practiceStatus, boolean isPublic, String region,
            String municipality, String school) {
        if (isPublic) {
            return List.of(PUBLIC);
        }
        if (practiceStatus == null || "PUBLISHED".equals(practiceStatus)) {
            return document("PRACTICE_FILE", false, region, municipality, school);
        }
        return practice(practiceStatus, region, municipality, school);
    }

    static String regionRole(String region, Role role) {
        return "region:" + region + ":" + role.keycloakName();
    }

    static String regionMember(String region) {
        return "region:" + region + ":member";
    }

    static String municipalCoordinator(String municipality) {
        return "municipality:" + municipality + ":" + Role.MUNICIPAL_COORDINATOR.keycloakName();
    }

    static String schoolItself(String school) {
        return "school:" + school + ":" + Role.SCHOOL.keycloakName();
    }

    static String curatorOf(String school) {
        return "school:" + school + ":" + Role.CURATOR.keycloakName();
    }

    private static void addIfPresent(List<String> readers, String value,
            java.util.function.Function<String, String> token) {
        if (value != null && !value.isBlank()) {
            readers.add(token.apply(value));
        }
    }
}
