package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.school500.stack.PlatformStack;

/** A stopped service gives 503 problem+json within 3 s at the gateway, and the route recovers by itself. */
@ExtendWith(RunningPlatform.class)
class ServiceOutageIT {

    @Test
    void aStoppedServiceAnswers503QuicklyAndTheRouteRecoversWhenItIsBack() {
        PlatformStack stack = RunningPlatform.stack();
        String token = Keycloak.token("kir-operator");
        String url = GatewayContractIT.GATEWAY + "/api/roadmaps";
        assertThat(Http.get(url, token).statusCode()).isEqualTo(200);

        stack.stopService("roadmap-service");
        try {
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
        } finally {
            stack.startService("roadmap-service");
        }

        Eventually.within(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .alias("the route recovers once the service is back")
                .until(() -> Http.get(url, token).statusCode(), status -> status == 200);
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
