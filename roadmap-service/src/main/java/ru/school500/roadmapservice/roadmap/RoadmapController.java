package ru.school500.roadmapservice.roadmap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.school500.roadmapservice.security.CurrentUser;

@RestController
@RequestMapping("/api/roadmaps")
class RoadmapController {

    private final RoadmapService service;

    RoadmapController(RoadmapService service) {
        this.service = service;
    }

    @GetMapping
    Page<RoadmapSummary> list(@PageableDefault(size = 20) Pageable pageable) {
        return service.visibleTo(CurrentUser.current(), pageable);
    }
}
