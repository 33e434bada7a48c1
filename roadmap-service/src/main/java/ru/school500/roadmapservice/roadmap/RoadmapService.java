package ru.school500.roadmapservice.roadmap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.security.Role;

@Service
public class RoadmapService {

    private final RoadmapRepository roadmaps;

    RoadmapService(RoadmapRepository roadmaps) {
        this.roadmaps = roadmaps;
    }

    @Transactional(readOnly = true)
    public Page<RoadmapSummary> visibleTo(CurrentUser user, Pageable pageable) {
        String draftRegion = user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY, Role.MUNICIPAL_COORDINATOR)
                ? user.region() : null;
        return roadmaps.findVisible(draftRegion, pageable).map(RoadmapSummary::of);
    }
}
