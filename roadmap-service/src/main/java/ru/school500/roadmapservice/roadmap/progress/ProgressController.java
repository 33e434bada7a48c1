package ru.school500.roadmapservice.roadmap.progress;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

@RestController
@RequestMapping("/api/roadmaps/{id}")
@Tag(name = "Мониторинг выполнения")
class ProgressController {

    private final ProgressService service;

    ProgressController(ProgressService service) {
        this.service = service;
    }

    @PutMapping("/items/{itemId}/progress/{stage}")
    @Operation(summary = "Отчёт о мероприятии на этапе мониторинга (дата ГГГГ-ММ-ДД): 201 — создан, 200 — заменён "
            + "(нужен If-Match с ETag отчёта)")
    ResponseEntity<ProgressView> report(@PathVariable UUID id, @PathVariable UUID itemId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stage,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProgressData data) {
        ProgressService.Reported reported = service.report(id, itemId, stage, Etags.optional(ifMatch), data,
                CurrentUser.current());
        ResponseEntity.BodyBuilder response = reported.created()
                ? ResponseEntity.created(URI.create("/api/roadmaps/" + id + "/items/" + itemId + "/progress/" + stage))
                : ResponseEntity.status(HttpStatus.OK);
        return response.eTag(Etags.of(reported.report().version())).body(reported.report());
    }

    @GetMapping("/progress")
    @Operation(summary = "Отчёты о ходе выполнения (stage — один этап)")
    List<ProgressView> list(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stage) {
        return service.list(id, stage, CurrentUser.current());
    }

    @GetMapping("/overdue")
    @Operation(summary = "Просроченные на дату мероприятия (по умолчанию — сегодня)")
    OverdueReport overdue(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return service.overdue(id, date == null ? LocalDate.now() : date, CurrentUser.current());
    }
}
