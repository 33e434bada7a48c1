package ru.school500.documentservice.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregate behind {@code GET /api/documents/statistics}, in SQL (one group-by, no entities loaded). */
@Repository
class MaterialStatisticsQuery {

    private final JdbcClient jdbc;

    MaterialStatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Live school materials and distinct schools per region and kind; {@code region} null: every region. */
    List<Map<String, Object>> byRegionAndKind(String region) {
        return jdbc.sql("""
                select region, kind, count(*) as documents, count(distinct school) as schools
                from document
                where type = 'SCHOOL_MATERIAL' and deleted_at is null
                  and (cast(:region as varchar) is null or region = :region)
                group by region, kind order by region, kind""")
                .param("region", region)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("region", rs.getString("region"));
                    row.put("kind", rs.getString("kind"));
                    row.put("documents", rs.getLong("documents"));
                    row.put("schools", rs.getLong("schools"));
                    return row;
                })
                .list();
    }
}
