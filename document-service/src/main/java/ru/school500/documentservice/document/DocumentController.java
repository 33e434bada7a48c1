package ru.school500.documentservice.document;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.signature.SignatureCheck;
import ru.school500.documentservice.web.Paging;

/** Reading and managing documents: metadata, list, versions, content, delete/restore, comments, signatures. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    record CommentRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record UpdateRequest(@Size(max = 1000) String title, MaterialKind kind, @Size(max = 10) List<String> riskFactors,
            @Size(max = 100) String orderNumber, java.time.LocalDate orderDate, @Size(max = 1000) String authority,
            List<UUID> repeals) {
    }

    /** Properties {@code GET /api/documents} may be sorted on ({@code sort=title,asc}). */
    static final Set<String> SORTABLE = Set.of("title", "type", "createdAt", "updatedAt");

    private final DocumentService documents;
    private final DocumentComments comments;
    private final OrderSignatures signatures;
    private final MaterialStatistics statistics;
    private final ContentResponses content;

    DocumentController(DocumentService documents, DocumentComments comments, OrderSignatures signatures,
            MaterialStatistics statistics, ContentResponses content) {
        this.documents = documents;
        this.comments = comments;
        this.signatures = signatures;
        this.statistics = statistics;
        this.content = content;
    }

    @GetMapping
    Page<DocumentView> list(@RequestParam(required = false) DocumentType type,
            @RequestParam(required = false) MaterialKind kind,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String riskFactor,
            @RequestParam(required = false) UUID practiceId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean deleted,
            @PageableDefault(size = 20) Pageable pageable) {
        return documents.list(CurrentUser.current(), new DocumentService.Filter(type, kind, region, municipality,
                school, riskFactor, practiceId, q, deleted), Paging.checked(pageable, SORTABLE));
    }

    @GetMapping("/statistics")
    List<Map<String, Object>> statistics() {
        return statistics.visibleTo(CurrentUser.current());
    }

    @GetMapping("/{id}")
    DocumentView get(@PathVariable UUID id) {
        return documents.get(CurrentUser.current(), id);
    }

    @PatchMapping("/{id}")
    DocumentView update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        return documents.update(CurrentUser.current(), id, new DocumentService.MetadataUpdate(request.title(),
                request.kind(), request.riskFactors(), request.orderNumber(), request.orderDate(),
                request.authority(), request.repeals()));
    }

    @DeleteMapping("/{id}")
    DocumentView delete(@PathVariable UUID id) {
        return documents.delete(CurrentUser.current(), id);
    }

    @PostMapping("/{id}/restore")
    DocumentView restore(@PathVariable UUID id) {
        return documents.restore(CurrentUser.current(), id);
    }

    @GetMapping("/{id}/versions")
    List<DocumentView.VersionView> versions(@PathVariable UUID id) {
        return documents.versions(CurrentUser.current(), id);
    }

    @GetMapping("/{id}/content")
    void content(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean inline,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        content.write(documents.openContent(CurrentUser.current(), id, null), request, response, inline);
    }

    @GetMapping("/{id}/versions/{version}/content")
    void versionContent(@PathVariable UUID id, @PathVariable int version,
            @RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        content.write(documents.openContent(CurrentUser.current(), id, version), request, response, inline);
    }

    @GetMapping("/practices/{practiceId}/files/{documentId}/content")
    void practiceFile(@PathVariable UUID practiceId, @PathVariable UUID documentId,
            @RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        content.write(documents.openPracticeFile(CurrentUser.current(), practiceId, documentId), request, response,
                inline);
    }

    @GetMapping("/{id}/comments")
    List<DocumentView.CommentView> comments(@PathVariable UUID id) {
        return comments.of(CurrentUser.current(), id);
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView.CommentView comment(@PathVariable UUID id, @Valid @RequestBody CommentRequest request) {
        return comments.add(CurrentUser.current(), id, request.text());
    }

    /** For an order: the state of its signatures (NOT_SIGNED when none was checked for the current version). */
    @GetMapping("/{id}/signatures")
    DocumentView.SignatureState signatures(@PathVariable UUID id) {
        return signatures.stateOf(CurrentUser.current(), id);
    }

    /** For a signature file: check it again (e.g. after the trust store changed). */
    @PostMapping("/{id}/verification")
    SignatureCheck verify(@PathVariable UUID id) {
        return signatures.recheck(CurrentUser.current(), id);
    }
}
