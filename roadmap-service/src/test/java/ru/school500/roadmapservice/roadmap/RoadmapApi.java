package ru.school500.roadmapservice.roadmap;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.json.JsonMapper;

/** The roadmap API as the tests drive it: demo users, JSON in and out, expected statuses checked. */
public final class RoadmapApi {

    private final MockMvc mvc;
    private final JsonMapper json;

    public RoadmapApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public RoadmapView create(String user, RoadmapDraft draft) throws Exception {
        return read(mvc.perform(post("/api/roadmaps").with(Users.named(user))
                .contentType(MediaType.APPLICATION_JSON).content(json(draft)))
                .andExpect(status().isCreated()).andReturn(), RoadmapView.class);
    }

    public RoadmapView fetch(String user, UUID id) throws Exception {
        return read(mvc.perform(get("/api/roadmaps/{id}", id).with(Users.named(user)))
                .andExpect(status().isOk()).andReturn(), RoadmapView.class);
    }

    public RoadmapView approve(UUID id, long version) throws Exception {
        return read(mvc.perform(post("/api/roadmaps/{id}/approve", id).with(Users.kirMinistry())
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")).andExpect(status().isOk()).andReturn(),
                RoadmapView.class);
    }

    /** The Kirov roadmap stored and approved, as the region's ministry left it. */
    public RoadmapView approvedKirov() throws Exception {
        RoadmapView draft = create("kir-operator", KirovRoadmapMother.draft());
        return approve(draft.id(), draft.version());
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    public <T> T read(MvcResult result, Class<T> type) throws Exception {
        return json.readValue(result.getResponse().getContentAsByteArray(), type);
    }

    /** A small valid draft of a region: one section, one item. */
    public static RoadmapDraft smallDraft(String region, int year) {
        return new RoadmapDraft(region, RoadmapLevel.REGIONAL, null, "Дорожная карта " + region + " " + year, year,
                null, null, java.util.List.of(), null, java.util.List.of(),
                java.util.List.of(new OrganisationDraft("Институт развития образования " + region, "ИРО " + region,
                        java.util.List.of(), OrganisationType.REGIONAL_INSTITUTE)),
                java.util.List.of(new SectionDraft("1.", "Организационные мероприятия", java.util.List.of(
                        new ItemDraft("1.1", "Провести установочный вебинар",
                                new Deadline("март " + year + " г.", DeadlineKind.ONCE, java.util.List.of(new Period(
                                        java.time.LocalDate.of(year, 3, 1), java.time.LocalDate.of(year, 3, 31)))),
                                "ИРО " + region, java.util.List.of("ИРО " + region), "Не менее одного вебинара",
                                java.math.BigDecimal.ONE, "вебинар", null, java.util.List.of(), null)))));
    }
}
