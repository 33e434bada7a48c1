package ru.school500.documentservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

class ManagementPortSecurityTest {

    private static MockHttpServletRequest get(String path, int localPort) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setLocalPort(localPort);
        return request;
    }

    @Test
    void theScrapeIsOpenOnlyOnASeparateManagementPort() {
        RequestMatcher scrape = ManagementPortSecurity.scrapeOnManagementPort(9090, 8080);
        assertThat(scrape.matches(get("/actuator/prometheus", 9090))).isTrue();
        assertThat(scrape.matches(get("/actuator/prometheus", 8080))).isFalse();
        assertThat(scrape.matches(get("/actuator/env", 9090))).isFalse();
        assertThat(scrape.matches(get("/api/anything", 9090))).isFalse();
    }

    @Test
    void withoutASeparateManagementPortTheScrapeNeedsAToken() {
        assertThat(ManagementPortSecurity.scrapeOnManagementPort(-1, 8080).matches(get("/actuator/prometheus", 8080))).isFalse();
        assertThat(ManagementPortSecurity.scrapeOnManagementPort(8080, 8080).matches(get("/actuator/prometheus", 8080))).isFalse();
    }
}
