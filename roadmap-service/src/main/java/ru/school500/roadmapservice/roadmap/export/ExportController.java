package ru.school500.roadmapservice.roadmap.export;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.school500.roadmapservice.roadmap.RoadmapService;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.web.Etags;

/** Export in the annex layout; whoever may read the roadmap may export it. */
@RestController
@RequestMapping("/api/roadmaps/{id}")
@Tag(name = "Экспорт")
class ExportController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final RoadmapService roadmaps;
    private final RoadmapExporter exporter;

    ExportController(RoadmapService roadmaps, RoadmapExporter exporter) {
        this.roadmaps = roadmaps;
        this.exporter = exporter;
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "Дорожная карта в XLSX в виде приложения к распоряжению")
    ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
        RoadmapView roadmap = roadmaps.get(id, CurrentUser.current());
        return file(roadmap, exporter.xlsx(roadmap), XLSX, "xlsx");
    }

    @GetMapping("/export.csv")
    @Operation(summary = "Дорожная карта в CSV (UTF-8, «;») в виде приложения к распоряжению")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        RoadmapView roadmap = roadmaps.get(id, CurrentUser.current());
        return file(roadmap, exporter.csv(roadmap), CSV, "csv");
    }

    private static ResponseEntity<byte[]> file(RoadmapView roadmap, byte[] body, MediaType type, String extension) {
        String name = "roadmap-" + roadmap.region() + "-"
                + (roadmap.year() != null ? roadmap.year() : roadmap.periodStart()) + "-v" + roadmap.edition() + "."
                + extension;
        return ResponseEntity.ok().contentType(type).eTag(Etags.of(roadmap.version()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
