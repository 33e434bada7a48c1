package ru.school500.roadmapservice.roadmap.importer;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.security.CurrentUser;

/**
 * {@code POST /api/roadmaps/import}: a regional operator uploads the signed order of their region and gets
 * the parsed roadmap back. With {@code dryRun=true} nothing is stored.
 */
@RestController
@RequestMapping("/api/roadmaps/import")
class ImportController {

    private final RoadmapImporter importer;
    private final ImporterProperties limits;

    ImportController(RoadmapImporter importer, ImporterProperties limits) {
        this.importer = importer;
        this.limits = limits;
    }

    @Operation(summary = "Импорт дорожной карты из подписанного распоряжения",
            description = "Файл DOCX, PDF (с текстовым слоем), ODT, DOC или TXT; формат определяется по содержимому. "
                    + "dryRun=true возвращает предпросмотр и ничего не сохраняет. Доступно региональному оператору "
                    + "своего региона.")
    @ApiResponse(responseCode = "200", description = "Предпросмотр (dryRun=true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RoadmapPreview.class)))
    @ApiResponse(responseCode = "400", description = "Пустой файл или нет части file",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "Не региональный оператор или чужой регион",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "Файл больше platform.importer.max-file-size",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "415", description = "Файл не является документом поддерживаемого формата",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "Документ зашифрован, без текстового слоя, небезопасен, "
            + "повреждён, слишком сложен или не содержит таблицы дорожной карты",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "501", description = "Сохранение черновика (без dryRun) ещё не подключено",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('REGIONAL_OPERATOR')")
    ResponseEntity<?> importOrder(
            @Parameter(description = "Файл распоряжения") @RequestPart("file") MultipartFile file,
            @Parameter(description = "Код региона; по умолчанию — регион из токена", example = "43")
            @RequestParam(required = false) String region,
            @Parameter(description = "Только предпросмотр, ничего не сохранять")
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        CurrentUser user = CurrentUser.current();
        String target = region == null || region.isBlank() ? user.region() : region.trim();
        if (target == null || !user.belongsTo(target)) {
            throw new AccessDeniedException("Импорт возможен только в регион пользователя");
        }
        if (file.isEmpty()) {
            throw new ImportRejectedException(Reason.EMPTY_FILE, "Файл пуст: загрузите подписанное распоряжение.");
        }
        if (file.getSize() > limits.maxFileSize().toBytes()) {
            throw new ImportRejectedException(Reason.TOO_LARGE, "Файл занимает " + megabytes(file.getSize())
                    + " МБ, а допускается не больше " + megabytes(limits.maxFileSize().toBytes()) + " МБ.");
        }
        RoadmapPreview preview = importer.preview(file.getBytes());
        if (dryRun) {
            return ResponseEntity.ok(preview);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED,
                "Сохранение импортированной дорожной карты как черновика пока не подключено: "
                        + "используйте dryRun=true для предпросмотра.");
        problem.setTitle("Сохранение черновика недоступно");
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
