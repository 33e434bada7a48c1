package ru.school500.documentservice.document;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.school500.documentservice.audit.AuditAction;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.document.storage.ContentTypeDetector;
import ru.school500.documentservice.document.storage.StagedObject;
import ru.school500.documentservice.document.storage.StagingArea;
import ru.school500.documentservice.document.storage.UploadRejectedException;
import ru.school500.documentservice.practice.PracticeAccess;
import ru.school500.documentservice.practice.PracticeVisibility;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.practice.ReferenceLists;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.Problems;

/**
 * The upload saga, in one place: <b>stage</b> the body in S3 (with its intent row), <b>commit</b> the
 * document or version rows with the intent removal, the feed entry and the audit record in one transaction,
 * <b>verify</b> a signature file over the stored bytes; an upload closed before its commit <b>discards</b>
 * the staged object at once (the staging sweeper catches what even that misses). The controller only
 * parses the multipart stream: {@code try (Upload upload = uploads.begin(...)) { stage; commit }}.
 */
@Service
class DocumentUploads {

    /** Room for the multipart framing and the text fields on top of the file size limit. */
    static final long FORM_OVERHEAD = 1024 * 1024;

    private final StagingArea staging;
    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final DocumentLookup lookup;
    private final PracticeService practices;
    private final ReferenceLists references;
    private final OrderRepeals repeals;
    private final OrderSignatures signatures;
    private final DocumentViews views;
    private final DocumentFeed feed;
    private final AuditLog audit;
    private final UploadMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    DocumentUploads(StagingArea staging, DocumentRepository documents, DocumentVersionRepository versions,
            DocumentLookup lookup, PracticeService practices, ReferenceLists references, OrderRepeals repeals,
            OrderSignatures signatures, DocumentViews views, DocumentFeed feed, AuditLog audit, UploadMetrics metrics,
            PlatformTransactionManager transactions) {
        this.staging = staging;
        this.documents = documents;
        this.versions = versions;
        this.lookup = lookup;
        this.practices = practices;
        this.references = references;
        this.repeals = repeals;
        this.signatures = signatures;
        this.views = views;
        this.feed = feed;
        this.audit = audit;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Starts an upload, refused before any byte of the body is read when the caller may upload nothing or
     * the declared request size is over the limit.
     */
    Upload begin(CurrentUser user, long declaredRequestSize) {
        if (!DocumentAccess.mayUploadAnything(user)) {
            throw Problems.forbidden("Загружать документы могут школы, региональные министерства и операторы.");
        }
        if (declaredRequestSize > staging.maxFileSize() + FORM_OVERHEAD) {
            throw new UploadRejectedException(HttpStatus.CONTENT_TOO_LARGE, "Файл слишком большой",
                    "Запрос больше допустимого размера файла " + (staging.maxFileSize() / (1024 * 1024)) + " МиБ.");
        }
        return new Upload(user);
    }

    /** One upload in progress; closing it without a commit removes what was staged. */
    final class Upload implements AutoCloseable {

        private final CurrentUser user;
        private final long started = System.nanoTime();
        private StagedObject staged;
        private boolean committed;

        private Upload(CurrentUser user) {
            this.user = user;
        }

        /** Streams the file to S3 (hashing, counting, stopping at the size limit). */
        void stage(InputStream body, String clientFileName) {
            if (staged != null) {
                throw Problems.badRequest("Передайте один файл в поле file.");
            }
            staged = staging.stage(body, displayName(clientFileName));
        }

        /** Commits the staged file with the form's metadata, then verifies a signature file. */
        DocumentView commit(UploadForm form) {
            if (staged == null) {
                throw Problems.invalidFields(Map.of("file", "Файл не передан"));
            }
            DocumentView view = transaction.execute(status -> commitStaged(user, form, staged));
            committed = true;
            metrics.stored(view.type(), staged.size(), Duration.ofNanos(System.nanoTime() - started));
            return view.type() == DocumentType.SIGNATURE ? view.withSignature(signatures.recheck(user, view.id()))
                    : view;
        }

        @Override
        public void close() {
            if (staged != null && !committed) {
                staging.discard(staged);
            }
        }
    }

    /** The commit step: rows, intent removal, feed and audit; any refusal rolls all of it back. */
    private DocumentView commitStaged(CurrentUser user, UploadForm form, StagedObject staged) {
        Instant now = clock.instant();
        Document doc;
        AuditAction action;
        if (form.documentId() != null) {
            doc = lookup.lockReadable(user, form.documentId());
            if (doc.isDeleted()) {
                throw Problems.conflict("Документ удалён; восстановите его, чтобы добавить версию.");
            }
            if (!DocumentAccess.canWrite(user, doc, lookup.practiceOf(doc))) {
                throw Problems.forbidden("Добавлять версии может только владелец документа.");
            }
            if (form.type() != null && form.type() != doc.getType()) {
                throw Problems.invalidFields(Map.of("type", "Тип версии должен совпадать с типом документа"));
            }
            if (form.title() != null) {
                doc.setTitle(form.title());
            }
            action = AuditAction.NEW_VERSION;
        } else {
            doc = newDocument(user, form, now);
            action = AuditAction.UPLOAD;
        }
        if (doc.getType() == DocumentType.SIGNATURE
                && !ContentTypeDetector.SIGNATURE_TYPE.equals(staged.contentType())) {
            throw new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Это не файл подписи", "Для типа SIGNATURE нужен файл открепленной подписи CMS/PKCS#7 "
                            + "(DER, PEM или Base64), получен " + staged.contentType() + ".");
        }
        int version = doc.nextVersion(user.username(), now);
        documents.save(doc);
        String fileName = displayName(staged.fileName());
        DocumentVersion stored = new DocumentVersion(doc.getId(), version, staged.key(), fileName,
                staged.contentType(), staged.size(), staged.sha256(), user.username(), now,
                doc.getType() == DocumentType.SIGNATURE ? ExtractionStatus.SKIPPED : ExtractionStatus.PENDING);
        versions.save(stored);
        documents.flush();
        staging.confirmInCurrentTransaction(staged);
        feed.upsert(doc, stored, lookup.practiceOf(doc));
        audit.record(user, action, AuditLog.EntityType.DOCUMENT, doc.getId(), version, doc.getRegion(),
                doc.getType() + " «" + doc.getTitle() + "», файл " + fileName + ", " + staged.size() + " байт, sha256 "
                        + staged.sha256());
        return views.of(doc, stored);
    }

    private Document newDocument(CurrentUser user, UploadForm form, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.type() == null) {
            throw Problems.invalidFields(Map.of("type", "Укажите тип: SCHOOL_MATERIAL, ORDER, SIGNATURE, PRACTICE_FILE"));
        }
        if (!DocumentAccess.mayCreate(user, form.type())) {
            throw Problems.forbidden("Ваша роль не позволяет загружать документы типа " + form.type() + ".");
        }
        requireOwnScope(user, form);
        String title = form.title();
        String municipality = null;
        String school = null;
        UUID practiceId = null;
        UUID signedId = null;
        switch (form.type()) {
            case SCHOOL_MATERIAL -> {
                if (form.kind() == null) {
                    errors.put("kind", "Укажите вид материала");
                }
                municipality = user.municipality();
                school = user.school();
            }
            case PRACTICE_FILE -> {
                if (form.practiceId() == null) {
                    errors.put("practiceId", "Укажите практику");
                } else {
                    PracticeRef practice = practices.find(form.practiceId())
                            .filter(p -> PracticeVisibility.canRead(user, p))
                            .orElseThrow(() -> Problems.notFound("Практика не найдена."));
                    if (!PracticeAccess.canEdit(user, practice)) {
                        throw Problems.forbidden("Файлы добавляет школа-автор, пока практика в черновике или возвращена.");
                    }
                    practiceId = practice.id();
                    municipality = practice.municipality();
                    school = practice.school();
                }
            }
            case SIGNATURE -> {
                if (form.signedDocumentId() == null) {
                    errors.put("signedDocumentId", "Укажите подписываемое распоряжение");
                } else {
                    Document order = documents.findById(form.signedDocumentId())
                            .filter(d -> DocumentVisibility.canRead(user, d, null) && !d.isDeleted())
                            .orElseThrow(() -> Problems.notFound("Распоряжение не найдено."));
                    if (order.getType() != DocumentType.ORDER || !user.belongsTo(order.getRegion())) {
                        errors.put("signedDocumentId", "Подписать можно распоряжение своего региона");
                    } else {
                        signedId = order.getId();
                        if (title == null) {
                            title = "Подпись: " + order.getTitle();
                        }
                    }
                }
            }
            case ORDER -> {
                if (form.orderNumber() == null) {
                    errors.put("orderNumber", "Укажите номер распоряжения");
                }
                if (form.orderDate() == null) {
                    errors.put("orderDate", "Укажите дату распоряжения");
                }
            }
        }
        if (title == null) {
            errors.put("title", "Укажите название");
        }
        List<String> riskFactors = form.riskFactors();
        if (!references.unknownRiskFactors(riskFactors).isEmpty()) {
            errors.put("riskFactors", "Неизвестные факторы риска: " + references.unknownRiskFactors(riskFactors));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        Document doc = new Document(UUID.randomUUID(), form.type(), title, user.region(), municipality, school,
                user.username(), now);
        doc.setKind(form.type() == DocumentType.SCHOOL_MATERIAL ? form.kind() : null);
        doc.setRiskFactors(riskFactors);
        doc.setPracticeId(practiceId);
        doc.setSignedDocumentId(signedId);
        if (form.type() == DocumentType.ORDER) {
            doc.setOrder(form.orderNumber(), form.orderDate(), form.orderAuthority());
        }
        documents.save(doc);
        if (form.type() == DocumentType.ORDER) {
            documents.flush();
            repeals.replace(user, doc, form.repeals());
        }
        return doc;
    }

    /** Region, municipality and school come from the token: a form may repeat them, never change them. */
    private static void requireOwnScope(CurrentUser user, UploadForm form) {
        if ((form.region() != null && !form.region().equals(user.region()))
                || (form.municipality() != null && !form.municipality().equals(user.municipality()))
                || (form.school() != null && !form.school().equals(user.school()))) {
            throw Problems.forbidden("Загружать можно только в свой регион, муниципалитет и школу.");
        }
    }

    /**
     * Control characters and the bidirectional controls that make a name display as something else
     * ({@code «Отчёт\u202Efdp.exe»} shows as «Отчётexe.pdf»): LRM/RLM, the embeddings and overrides
     * U+202A–U+202E, the isolates U+2066–U+2069 and the Arabic letter mark.
     */
    private static final Pattern UNSAFE_IN_NAMES =
            Pattern.compile("[\\p{Cntrl}\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]");

    /** The client's file name, for display only: path parts, control and bidi characters removed. */
    static String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            return "file";
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = UNSAFE_IN_NAMES.matcher(name).replaceAll("").strip();
        if (name.isEmpty()) {
            return "file";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
