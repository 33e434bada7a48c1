package ru.school500.documentservice.practice;

import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.Paging;

/**
 * {@code /api/documents/practices}: under the gateway's {@code /api/documents/**} route. GETs are open to
 * anonymous callers, who see published practices only.
 */
@RestController
@RequestMapping("/api/documents/practices")
class PracticeController {

    /** Properties the registry may be sorted on ({@code sort=publishedAt,desc}). */
    static final Set<String> SORTABLE = Set.of("title", "createdAt", "updatedAt", "submittedAt", "publishedAt",
            "score");

    private final PracticeService service;
    private final ReferenceLists references;

    PracticeController(PracticeService service, ReferenceLists references) {
        this.service = service;
        this.references = references;
    }

    @GetMapping
    Page<PracticeView> list(@RequestParam(required = false) String region,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) EducationLevel educationLevel,
            @RequestParam(required = false) PracticeStatus status,
            @RequestParam(required = false) String riskFactor,
            @RequestParam(required = false) String q,
            @PageableDefault(size = 20) Pageable pageable) {
        return service.list(CurrentUser.current(),
                new PracticeService.Filter(region, direction, educationLevel, status, riskFactor, q),
                Paging.checked(pageable, SORTABLE));
    }

    @GetMapping("/directions")
    ReferenceLists.ReferenceList directions() {
        return references.directions();
    }

    @GetMapping("/risk-factors")
    ReferenceLists.ReferenceList riskFactors() {
        return references.riskFactors();
    }

    @GetMapping("/{id}")
    PracticeView get(@PathVariable UUID id) {
        return service.get(CurrentUser.current(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PracticeView create(@Valid @RequestBody PracticeRequest request) {
        return service.create(CurrentUser.current(), request);
    }

    @PutMapping("/{id}")
    PracticeView update(@PathVariable UUID id, @Valid @RequestBody PracticeRequest request) {
        return service.update(CurrentUser.current(), id, request);
    }

    @PostMapping("/{id}/submit")
    PracticeView submit(@PathVariable UUID id) {
        return service.submit(CurrentUser.current(), id);
    }

    @PostMapping("/{id}/review")
    PracticeView startReview(@PathVariable UUID id) {
        return service.startReview(CurrentUser.current(), id);
    }

    @PostMapping("/{id}/publish")
    PracticeView publish(@PathVariable UUID id, @Valid @RequestBody ReviewRequest review) {
        return service.publish(CurrentUser.current(), id, review);
    }

    @PostMapping("/{id}/return")
    PracticeView returnToAuthor(@PathVariable UUID id, @Valid @RequestBody ReviewRequest review) {
        return service.returnToAuthor(CurrentUser.current(), id, review);
    }

    @PostMapping("/{id}/reject")
    PracticeView reject(@PathVariable UUID id, @Valid @RequestBody ReviewRequest review) {
        return service.reject(CurrentUser.current(), id, review);
    }
}
