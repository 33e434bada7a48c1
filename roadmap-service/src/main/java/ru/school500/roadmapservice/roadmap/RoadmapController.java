package ru.school500.roadmapservice.roadmap;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.web.Etags;

@RestController
@RequestMapping("/api/roadmaps")
@Tag(name = "Дорожные карты")
class RoadmapController {

    /** Keeps page × size within what the database's OFFSET takes. */
    static final int MAX_PAGE = 1_000_000;

    private final RoadmapService service;

    RoadmapController(RoadmapService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Дорожные карты, видимые вызывающему, с фильтрами и постранично")
    PageResponse<RoadmapSummary> list(@RequestParam(required = false) @Size(max = 8) String region,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) RoadmapStatus status,
            @RequestParam(required = false) RoadmapLevel level,
            @RequestParam(defaultValue = "0") @Min(0)
            @Max(value = MAX_PAGE, message = "номер страницы не больше " + MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(new RoadmapFilter(region, year, status, level), page, size, CurrentUser.current());
    }

    @PostMapping
    @Operation(summary = "Создать черновик дорожной карты (целиком, с разделами и мероприятиями)",
            responses = @ApiResponse(responseCode = "201", description = "Создан; ETag — версия",
                    content = @Content(schema = @Schema(implementation = RoadmapView.class))))
    ResponseEntity<RoadmapView> create(@Valid @RequestBody RoadmapDraft draft) {
        RoadmapView created = service.createDraft(draft, CurrentUser.current());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + created.id())).eTag(Etags.of(created.version()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Дорожная карта целиком: разделы и мероприятия по порядку",
            responses = {
                    @ApiResponse(responseCode = "200", description = "ETag — версия"),
                    @ApiResponse(responseCode = "404", description = "Нет такой или не видна вызывающему",
                            content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<RoadmapView> get(@PathVariable UUID id) {
        return withEtag(service.get(id, CurrentUser.current()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Изменить заголовок черновика (без разделов)")
    ResponseEntity<RoadmapView> update(@PathVariable UUID id, @Parameter(description = "ETag последнего чтения")
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RoadmapHeader header) {
        return withEtag(service.updateHeader(id, Etags.required(ifMatch), header, CurrentUser.current()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Удалить черновик")
    ResponseEntity<Void> delete(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.delete(id, Etags.required(ifMatch), CurrentUser.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Утвердить черновик (министерство региона); новая редакция заменяет предыдущую")
    ResponseEntity<RoadmapView> approve(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ApproveRequest request) {
        return withEtag(service.approve(id, Etags.required(ifMatch), request, CurrentUser.current()));
    }

    @PostMapping("/{id}/new-version")
    @Operation(summary = "Черновик новой редакции утверждённой дорожной карты (копия)")
    ResponseEntity<RoadmapView> newVersion(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RoadmapView created = service.newVersion(id, Etags.required(ifMatch), CurrentUser.current());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + created.id())).eTag(Etags.of(created.version()))
                .body(created);
    }

    @GetMapping("/organisations")
    @Operation(summary = "Организации региона с сокращениями")
    List<OrganisationView> organisations(@RequestParam @Size(min = 1, max = 8) String region) {
        return service.organisations(region);
    }

    private static ResponseEntity<RoadmapView> withEtag(RoadmapView view) {
        return ResponseEntity.ok().eTag(Etags.of(view.version())).body(view);
    }
}
