package ru.school500.roadmapservice.roadmap;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

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
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.web.Etags;

/**
 * Sections and items of a draft. They are parts of the roadmap aggregate: their {@code ETag} is the roadmap's
 * version and every write needs it in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/roadmaps/{id}")
@Tag(name = "Разделы и мероприятия")
class RoadmapPartsController {

    private final RoadmapService service;

    RoadmapPartsController(RoadmapService service) {
        this.service = service;
    }

    @GetMapping("/sections/{sectionId}")
    @Operation(summary = "Раздел с мероприятиями")
    ResponseEntity<RoadmapView.SectionView> section(@PathVariable UUID id, @PathVariable UUID sectionId) {
        return ok(service.getSection(id, sectionId, CurrentUser.current()));
    }

    @PostMapping("/sections")
    @Operation(summary = "Добавить раздел")
    ResponseEntity<RoadmapView.SectionView> addSection(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SectionData data) {
        Versioned<RoadmapView.SectionView> created = service.addSection(id, Etags.required(ifMatch), data,
                CurrentUser.current());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + id + "/sections/" + created.body().id()))
                .eTag(Etags.of(created.version())).body(created.body());
    }

    @PutMapping("/sections/{sectionId}")
    @Operation(summary = "Изменить раздел (номер, заголовок, место)")
    ResponseEntity<RoadmapView.SectionView> updateSection(@PathVariable UUID id, @PathVariable UUID sectionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SectionData data) {
        return ok(service.updateSection(id, sectionId, Etags.required(ifMatch), data, CurrentUser.current()));
    }

    @DeleteMapping("/sections/{sectionId}")
    @Operation(summary = "Удалить раздел с его мероприятиями")
    ResponseEntity<Void> deleteSection(@PathVariable UUID id, @PathVariable UUID sectionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = service.deleteSection(id, sectionId, Etags.required(ifMatch), CurrentUser.current());
        return ResponseEntity.noContent().eTag(Etags.of(version)).build();
    }

    @GetMapping("/items/{itemId}")
    @Operation(summary = "Мероприятие")
    ResponseEntity<RoadmapView.ItemView> item(@PathVariable UUID id, @PathVariable UUID itemId) {
        return ok(service.getItem(id, itemId, CurrentUser.current()));
    }

    @PostMapping("/sections/{sectionId}/items")
    @Operation(summary = "Добавить мероприятие в раздел (position — место, по умолчанию в конец)")
    ResponseEntity<RoadmapView.ItemView> addItem(@PathVariable UUID id, @PathVariable UUID sectionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @Min(0) Integer position, @Valid @RequestBody ItemDraft data) {
        Versioned<RoadmapView.ItemView> created = service.addItem(id, sectionId, Etags.required(ifMatch), position,
                data, CurrentUser.current());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + id + "/items/" + created.body().id()))
                .eTag(Etags.of(created.version())).body(created.body());
    }

    @PutMapping("/items/{itemId}")
    @Operation(summary = "Изменить мероприятие (position — переместить внутри раздела)")
    ResponseEntity<RoadmapView.ItemView> updateItem(@PathVariable UUID id, @PathVariable UUID itemId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @Min(0) Integer position, @Valid @RequestBody ItemDraft data) {
        return ok(service.updateItem(id, itemId, Etags.required(ifMatch), position, data, CurrentUser.current()));
    }

    @DeleteMapping("/items/{itemId}")
    @Operation(summary = "Удалить мероприятие")
    ResponseEntity<Void> deleteItem(@PathVariable UUID id, @PathVariable UUID itemId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = service.deleteItem(id, itemId, Etags.required(ifMatch), CurrentUser.current());
        return ResponseEntity.noContent().eTag(Etags.of(version)).build();
    }

    private static <T> ResponseEntity<T> ok(Versioned<T> versioned) {
        return ResponseEntity.ok().eTag(Etags.of(versioned.version())).body(versioned.body());
    }
}
