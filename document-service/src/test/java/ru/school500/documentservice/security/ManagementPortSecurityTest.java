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
    void actuatorCallsAreOpenOnlyOnASeparateManagementPort() {
        RequestMatcher management = ManagementPortSecurity.actuatorOnManagementPort(9090, 8080);
        assertThat(management.matches(get("/actuator/prometheus", 9090))).isTrue();
        assertThat(management.matches(get("/actuator/loggers/tracer", 9090))).isTrue();
        assertThat(management.matches(get("/actuator/prometheus", 8080))).isFalse();
        assertThat(management.matches(get("/api/anything", 9090))).isFalse();
    }

    @Test
    void withoutASeparateManagementPortNothingIsOpened() {
        assertThat(ManagementPortSecurity.actuatorOnManagementPort(-1, 8080).matches(get("/actuator/prometheus", 8080))).isFalse();
        assertThat(ManagementPortSecurity.actuatorOnManagementPort(8080, 8080).matches(get("/actuator/prometheus", 8080))).isFalse();
    }
}
