package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.PlatformStack;

/**
 * A stopped service gives 503 problem+json within 3 s at the gateway, the web UI says so and offers to try
 * again, and the route recovers by itself.
 */
@ExtendWith(RunningPlatform.class)
@ResourceLock(PlatformProcesses.LOCK)
class ServiceOutageIT {

    @Test
    void aStoppedServiceAnswers503QuicklyAndTheRouteRecoversWhenItIsBack() throws Exception {
        PlatformStack stack = RunningPlatform.stack();
        String token = Keycloak.token("kir-operator");
        String url = GatewayContractIT.GATEWAY + "/api/roadmaps";
        HttpResponse<String> roadmaps = Http.get(url, token);
        assertThat(roadmaps.statusCode()).isEqualTo(200);
        JsonNode roadmap = Http.json(roadmaps).get("content").get(0);

        try (Browser operator = Browser.loggedIn("kir-operator", "/roadmaps")) {
            stack.stopService("roadmap-service");
            try {
                operator.driver.get(Browser.GATEWAY + "/roadmaps/" + roadmap.get("id").asString());
                operator.awaitText(By.cssSelector("#main h1"), "Сервис временно недоступен");
                assertThat(operator.text(By.id("main"))).contains("Ошибка 503", "Повторите попытку");
                operator.check("service-unavailable");
                answers503Quickly(url, token);
            } finally {
                stack.startService("roadmap-service");
            }
            Eventually.within(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .alias("the route recovers once the service is back")
                    .until(() -> Http.get(url, token).statusCode(), status -> status == 200);

            operator.click(By.id("error-retry"));
            operator.awaitText(By.cssSelector("#main h1"), roadmap.get("title").asString());
        }
    }

    private static void answers503Quickly(String url, String token) {
        for (int attempt = 0; attempt < 12; attempt++) {
            Instant start = Instant.now();
            HttpResponse<String> response = Http.get(url, token);
            Duration took = Duration.between(start, Instant.now());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Http.json(response).get("status").asInt()).isEqualTo(503);
        }
    }

    @Test
    void aServiceThatHangsAnswers503ProblemInRussianWithinThreeSeconds() throws Exception {
        ProcessHandle search = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("search-service.jar")).findFirst()
                .orElseThrow();
        signal("STOP", search);
        try {
            Instant start = Instant.now();
            HttpResponse<String> response = Http.get(GatewayContractIT.GATEWAY + "/api/search?q=school", null);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Http.json(response).get("detail").asString()).contains("Повторите попытку");
        } finally {
            signal("CONT", search);
        }
    }

    private static void signal(String name, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor()).isZero();
    }

}
