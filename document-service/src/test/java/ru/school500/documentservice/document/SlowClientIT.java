package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Eventually;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.RunningService;

/**
 * A slowloris-style upload on the real Tomcat: the client sends the headers and the first megabyte of a
 * larger body (so the object is already streaming to S3), then stops. The service cuts it off after its read
 * timeout and leaves nothing behind: no row, no object, no intent, no unfinished multipart upload.
 */
class SlowClientIT extends IntegrationTest {

    @Test
    void uploadThatStallsMidBodyIsCutOffAfterTheReadTimeoutAndLeavesNothingBehind() throws Exception {
        RunningService service = RunningService.get();
        Leftovers before = leftovers();
        byte[] file = new byte[6 * 1024 * 1024];
        new SplittableRandom(18).nextBytes(file);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 9);
        byte[] body = Uploads.material("Медленно", "slow.pdf", file).bytes();
        String boundary = new String(body, 2, body.length - 2, StandardCharsets.US_ASCII).lines().findFirst().orElseThrow();

        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + service.bearer(Users.KIR_SCHOOL1) + "\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 1024 * 1024);
            out.flush();
            long stalledAt = System.nanoTime();

            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            Duration cutOffAfter = Duration.ofNanos(System.nanoTime() - stalledAt);

            assertThat(cutOffAfter).as("connection closed by the service")
                    .isGreaterThanOrEqualTo(RunningService.CLIENT_READ_TIMEOUT.minusMillis(500))
                    .isLessThan(RunningService.CLIENT_READ_TIMEOUT.plusSeconds(15));
            String response = new String(answer, StandardCharsets.UTF_8);
            assertThat(response.isEmpty() || response.startsWith("HTTP/1.1 4")).as(response).isTrue();
        }

        Eventually.within(Duration.ofSeconds(30)).alias("nothing left of the stalled upload")
                .until(this::leftovers, before::equals);
    }
}
