package ru.school500.roadmapservice.roadmap.importer;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.school500.roadmapservice.roadmap.RoadmapDraft;
import ru.school500.roadmapservice.roadmap.RoadmapService;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.roadmap.importer.SourceDocumentStore.OrderFile;
import ru.school500.roadmapservice.roadmap.importer.SourceDocumentStore.StoredDocument;
import ru.school500.roadmapservice.security.CurrentUser;

/**
 * Saves an import: the original file in document-service, the roadmap as a DRAFT here, linked by the
 * approving order's {@code documentId}. All or nothing, in this order:
 * <ol>
 * <li>the preview becomes a {@link RoadmapDraft} and is validated: a draft that could not be saved is refused
 * (400) before anything is stored anywhere;</li>
 * <li>the file is stored in document-service (the remote, slow step that fails most often, e.g. the service is
 * down): if it fails, nothing has been written here either;</li>
 * <li>the draft is created with the document's id in one local transaction
 * ({@link RoadmapService#createDraft}, roadmap and outbox row together);</li>
 * <li>if that fails (database down, a concurrent writer), the stored document is deleted again — soft-deleted
 * by document-service, so it no longer lists, but the region's operator could restore it. If even that
 * delete fails, the orphaned document's id is logged as an error.</li>
 * </ol>
 * The other order (draft first, file last) would either keep a database transaction open during a 60 s
 * upload or show a roadmap whose source document does not exist yet (in the API and the change feed).
 */
@Service
class OrderImport {

    private static final Logger log = LoggerFactory.getLogger(OrderImport.class);
    private static final int MAX_TITLE = 1000;

    private final RoadmapService roadmaps;
    private final SourceDocumentStore documents;
    private final Validator validator;

    OrderImport(RoadmapService roadmaps, SourceDocumentStore documents, Validator validator) {
        this.roadmaps = roadmaps;
        this.documents = documents;
        this.validator = validator;
    }

    /**
     * @param choices level and municipality the operator set over what was read
     * @param region the target region (already checked to be the caller's)
     * @param fileName the uploaded file's name, for display
     * @param content the file as uploaded (the same bytes the preview was read from)
     * @param bearerToken the caller's access token, relayed to document-service
     */
    ImportedRoadmap save(RoadmapPreview preview, DraftFromPreview.Choices choices, String region, String fileName,
            byte[] content, CurrentUser user, String bearerToken) {
        RoadmapDraft withoutDocument = DraftFromPreview.draft(preview, region, null, choices);
        Set<ConstraintViolation<RoadmapDraft>> violations = validator.validate(withoutDocument);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        RoadmapPreview.OrderHeader order = preview.order();
        StoredDocument stored = documents.store(new OrderFile(region, fileName, preview.format(), content,
                documentTitle(preview, fileName), order == null ? null : order.number(),
                order == null ? null : order.date(), order == null ? null : order.authority()), bearerToken);
        RoadmapView created;
        try {
            created = roadmaps.createDraft(DraftFromPreview.draft(preview, region, stored.id(), choices), user);
        } catch (RuntimeException failure) {
            withdraw(stored, bearerToken, failure);
            throw failure;
        }
        log.info("imported order {} of region {} as roadmap {} (source document {})",
                order == null ? "?" : order.number(), region, created.id(), stored.id());
        return new ImportedRoadmap(created, preview.warnings(),
                new ImportedRoadmap.SourceFile(stored.id(), stored.version(), stored.sha256()));
    }

    private void withdraw(StoredDocument stored, String bearerToken, RuntimeException failure) {
        try {
            documents.delete(stored.id(), bearerToken);
            log.warn("roadmap not saved ({}); its source document {} was deleted again", failure.toString(),
                    stored.id());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("roadmap not saved and its source document {} could not be deleted: it is left in "
                    + "document-service without a roadmap", stored.id(), e);
        }
    }

    /** The order's own title ("Об утверждении дорожной карты …"), else the annex title, else the file name. */
    static String documentTitle(RoadmapPreview preview, String fileName) {
        String title = preview.order() != null && preview.order().title() != null ? preview.order().title()
                : preview.title() != null ? preview.title() : fileName;
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }
}
