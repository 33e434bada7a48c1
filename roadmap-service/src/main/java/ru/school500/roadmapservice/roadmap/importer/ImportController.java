package ru.school500.roadmapservice.roadmap.importer;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
import ru.school500.roadmapservice.web.Etags;

/**
 * {@code POST /api/roadmaps/import}: a regional operator uploads the signed order of their region. With
 * {@code dryRun=true} the parsed roadmap comes back and nothing is stored; without it the file is stored in
 * document-service and the roadmap as a DRAFT ({@link OrderImport}), answered with 201.
 */
@RestController
@RequestMapping("/api/roadmaps/import")
class ImportController {

    private static final java.util.regex.Pattern MUNICIPALITY = java.util.regex.Pattern.compile("[0-9A-Za-z-]{1,16}");

    private final RoadmapImporter importer;
    private final ImporterProperties limits;
    private final OrderImport orders;

    ImportController(RoadmapImporter importer, ImporterProperties limits, OrderImport orders) {
        this.importer = importer;
        this.limits = limits;
        this.orders = orders;
    }

    @Operation(summary = "Импорт дорожной карты из подписанного распоряжения",
            description = "Файл DOCX, PDF (с текстовым слоем), ODT, DOC или TXT; формат определяется по содержимому. "
                    + "dryRun=true возвращает предпросмотр и ничего не сохраняет. Без dryRun исходный файл "
                    + "сохраняется в сервисе документов (тип ORDER, с токеном вызывающего), а дорожная карта — как "
                    + "черновик со ссылкой на него; при любой ошибке не сохраняется ничего. Доступно региональному "
                    + "оператору своего региона.")
    @ApiResponse(responseCode = "200", description = "Предпросмотр (dryRun=true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RoadmapPreview.class)))
    @ApiResponse(responseCode = "201", description = "Черновик создан (без dryRun); Location — адрес дорожной карты, "
            + "ETag — её версия; исходный файл сохранён в сервисе документов как ORDER",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportedRoadmap.class)))
    @ApiResponse(responseCode = "400", description = "Пустой файл, нет части file или прочитанное нельзя сохранить "
            + "(fields: например, нет года)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "Не региональный оператор или чужой регион (или сервис документов "
            + "отказал в сохранении файла)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "Файл больше platform.importer.max-file-size (или предела "
            + "сервиса документов)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "415", description = "Файл не является документом поддерживаемого формата",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "Документ зашифрован, без текстового слоя, небезопасен, "
            + "повреждён, слишком сложен или не содержит таблицы дорожной карты",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "502", description = "Сервис документов ответил непонятно или отклонил запрос "
            + "по причине, которую вызывающий не может исправить: ничего не сохранено",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "503", description = "Сервис документов недоступен или не смог сохранить файл: "
            + "ничего не сохранено", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('REGIONAL_OPERATOR')")
    ResponseEntity<?> importOrder(
            @Parameter(description = "Файл распоряжения") @RequestPart("file") MultipartFile file,
            @Parameter(description = "Код региона; по умолчанию — регион из токена", example = "43")
            @RequestParam(required = false) String region,
            @Parameter(description = "Только предпросмотр, ничего не сохранять")
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "Уровень дорожной карты, если прочитанный в предпросмотре неверен")
            @RequestParam(required = false) RoadmapPreview.Level level,
            @Parameter(description = "Код муниципалитета муниципальной дорожной карты", example = "43-01")
            @RequestParam(required = false) String municipality) throws IOException {
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
        if (municipality != null && !MUNICIPALITY.matcher(municipality).matches()) {
            throw new ImportRejectedException(Reason.INVALID_CHOICE,
                    "Код муниципалитета — до 16 цифр, латинских букв и дефисов, например 43-01.");
        }
        byte[] content = file.getBytes();
        RoadmapPreview preview = importer.preview(content);
        if (dryRun) {
            ImportOutcomes.previewed();
            return ResponseEntity.ok(preview);
        }
        ImportedRoadmap imported = orders.save(preview, new DraftFromPreview.Choices(level, municipality), target,
                fileName(file.getOriginalFilename(), preview.format()), content, user, bearerToken());
        ImportOutcomes.stored();
        return ResponseEntity.created(URI.create("/api/roadmaps/" + imported.roadmap().id()))
                .eTag(Etags.of(imported.roadmap().version())).body(imported);
    }

    /** The token this request was authenticated with, relayed to document-service unchanged. */
    private static String bearerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getTokenValue();
        }
        throw new AccessDeniedException("Импорт требует входа с токеном доступа");
    }

    /** The client's file name without any path; "распоряжение.<ext>" when it sent none. */
    static String fileName(String original, String format) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return "распоряжение" + switch (format == null ? "" : format) {
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "application/msword" -> ".doc";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "application/vnd.oasis.opendocument.text" -> ".odt";
            default -> "";
        };
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
