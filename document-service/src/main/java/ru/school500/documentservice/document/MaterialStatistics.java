package ru.school500.documentservice.document;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;
import ru.school500.documentservice.web.Problems;

/** Counts of school materials by region and kind (no names, no files): federal analysts, and each region its own. */
@Service
class MaterialStatistics {

    private final MaterialStatisticsQuery query;

    MaterialStatistics(MaterialStatisticsQuery query) {
        this.query = query;
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> visibleTo(CurrentUser user) {
        if (user.has(Role.FEDERAL_ANALYST)) {
            return query.byRegionAndKind(null);
        }
        if (user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY) && user.region() != null) {
            return query.byRegionAndKind(user.region());
        }
        throw Problems.forbidden("Сводка по материалам доступна федеральным аналитикам и региону.");
    }
}
