package ru.school500.documentservice.document.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.Uploads;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Eventually;
import ru.school500.documentservice.support.Http;
import ru.school500.documentservice.support.RunningService;

/**
 * S3 closes keep-alive connections that stay idle (about a minute): the service closes its pooled ones
 * before that, and a download that still meets a connection S3 has dropped is not failed for it.
 */
class StaleStorageConnectionIT {

    private static RunningService service;
    private static HttpRequest download;
    private static byte[] bytes;

    @BeforeAll
    static void uploadAFile() {
        service = RunningService.get();
        String token = service.bearer(Users.KIR_SCHOOL1);
        bytes = Files.pdfLike(4000, 31);
        var body = Uploads.material("После паузы", "pause.pdf", bytes);
        HttpResponse<String> uploaded = Http.send(Http.request(service.url("/api/documents"))
                .header("Authorization", token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = JsonPath.read(uploaded.body(), "$.id");
        download = Http.request(service.url("/api/documents/" + id + "/content")).header("Authorization", token)
                .build();
    }

    @Test
    void theFirstDownloadAfterS3DroppedTheIdleConnectionsSucceeds() {
        assertThat(Http.sendForBytes(download).body()).isEqualTo(bytes);
        for (int pause = 0; pause < 3; pause++) {
            assertThat(service.s3().dropIdleConnections()).as("pooled connections S3 dropped").isPositive();

            HttpResponse<byte[]> afterPause = Http.sendForBytes(download);

            assertThat(afterPause.statusCode()).as(new String(afterPause.body())).isEqualTo(200);
            assertThat(afterPause.body()).isEqualTo(bytes);
        }
    }

    @Test
    void idleConnectionsAreClosedByTheServiceBeforeS3DropsThem() {
        assertThat(Http.sendForBytes(download).statusCode()).isEqualTo(200);
        int droppedByS3 = service.s3().dropped();
        assertThat(service.s3().open()).isPositive();

        Eventually.within(RunningService.S3_KEEP_ALIVE.multipliedBy(5)).pollInterval(Duration.ofMillis(100))
                .alias("the service closes its idle S3 connections").until(() -> service.s3().open() == 0);
        assertThat(service.s3().dropped()).isEqualTo(droppedByS3);
    }
}
