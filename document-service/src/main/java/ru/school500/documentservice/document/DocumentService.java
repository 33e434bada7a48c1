package ru.school500.documentservice.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.Predicate;
import ru.school500.documentservice.audit.AuditAction;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.document.storage.ContentTypeDetector;
import ru.school500.documentservice.document.storage.StagedObject;
import ru.school500.documentservice.document.storage.StagingArea;
import ru.school500.documentservice.document.storage.UploadRejectedException;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.practice.ReferenceLists;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;
import ru.school500.documentservice.signature.SignatureCheck;
import ru.school500.documentservice.signature.SignatureService;
import ru.school500.documentservice.signature.SignatureStatus;
import ru.school500.documentservice.web.Problems;

/** Documents and their versions: who may do what, metadata, versions, soft delete, comments, signatures. */
@Service
public class DocumentService {

    record Filter(DocumentType type, MaterialKind kind, String region, String municipality, String school,
            String riskFactor, UUID practiceId, String text, boolean deleted) {
    }

    /** What a download needs: the version's object and how to describe it. */
    record Content(UUID documentId, int version, String objectKey, String fileName, String contentType, long size,
            String sha256, Instant uploadedAt) {
    }

    record MetadataUpdate(String title, MaterialKind kind, List<String> riskFactors, String orderNumber,
            java.time.LocalDate orderDate, String orderAuthority, List<UUID> repeals) {
    }

    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final PracticeService practices;
    private final ReferenceLists references;
    private final StagingArea staging;
    private final SignatureService signatures;
    private final DocumentFeed feed;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    DocumentService(DocumentRepository documents, DocumentVersionRepository versions, PracticeService practices,
            ReferenceLists references, StagingArea staging, SignatureService signatures, DocumentFeed feed,
            AuditLog audit, JdbcClient jdbc) {
        this.documents = documents;
        this.versions = versions;
        this.practices = practices;
        this.references = references;
        this.staging = staging;
        this.signatures = signatures;
        this.feed = feed;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    void requireMayUpload(CurrentUser user) {
        if (!DocumentAccess.mayUploadAnything(user)) {
            throw Problems.forbidden("Загружать документы могут школы, региональные министерства и операторы.");
        }
    }

    /**
     * Commits a staged object as a new document or a new version of one, in one transaction with the
     * intent removal, the feed entry and the audit record.
     */
    @Transactional
    public DocumentView commitUpload(CurrentUser user, UploadForm form, StagedObject staged) {
        Instant now = clock.instant();
        Document doc;
        AuditAction action;
        if (form.documentId() != null) {
            doc = lockReadable(user, form.documentId());
            if (doc.isDeleted()) {
                throw Problems.conflict("Документ удалён; восстановите его, чтобы добавить версию.");
            }
            if (!DocumentAccess.canWrite(user, doc, practiceOf(doc))) {
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
            throw new UploadRejectedException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
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
        feed.upsert(doc, stored, practiceOf(doc));
        audit.record(user, action, AuditLog.EntityType.DOCUMENT, doc.getId(), version, doc.getRegion(),
                doc.getType() + " «" + doc.getTitle() + "», файл " + fileName + ", " + staged.size() + " байт, sha256 "
                        + staged.sha256());
        return view(doc, stored);
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
                            .filter(p -> ru.school500.documentservice.practice.PracticeAccess.canRead(user, p))
                            .orElseThrow(() -> Problems.notFound("Практика не найдена."));
                    if (!ru.school500.documentservice.practice.PracticeAccess.canEdit(user, practice)) {
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
                            .filter(d -> DocumentAccess.canRead(user, d, null) && !d.isDeleted())
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
            replaceRepeals(user, doc, form.repeals());
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

    private void replaceRepeals(CurrentUser user, Document order, List<UUID> repeals) {
        for (UUID repealed : repeals) {
            Document earlier = documents.findById(repealed)
                    .filter(d -> d.getType() == DocumentType.ORDER && user.belongsTo(d.getRegion()))
                    .orElseThrow(() -> Problems.invalidFields(Map.of("repeals",
                            "Отменять можно распоряжения своего региона: " + repealed)));
            if (earlier.getId().equals(order.getId())) {
                throw Problems.invalidFields(Map.of("repeals", "Распоряжение не может отменять само себя"));
            }
        }
        jdbc.sql("delete from order_repeal where order_id = ?").param(order.getId()).update();
        for (UUID repealed : repeals) {
            jdbc.sql("insert into order_repeal (order_id, repealed_order_id) values (?, ?)")
                    .params(order.getId(), repealed).update();
        }
    }

    /** After a signature upload: verify over the stored bytes and record the result (own transaction). */
    public DocumentView verifySignature(CurrentUser user, DocumentView uploaded) {
        if (uploaded.type() != DocumentType.SIGNATURE) {
            return uploaded;
        }
        SignatureCheck check = recheck(user, uploaded.id());
        return uploaded.withSignature(check);
    }

    /** Checks (again) the current version of a signature against the current version of its order. */
    @Transactional
    public SignatureCheck recheck(CurrentUser user, UUID signatureId) {
        Document signature = readable(user, signatureId);
        if (signature.getType() != DocumentType.SIGNATURE) {
            throw Problems.badRequest("Документ не является файлом подписи.");
        }
        Document order = documents.findById(signature.getSignedDocumentId())
                .orElseThrow(() -> Problems.notFound("Распоряжение не найдено."));
        DocumentVersion signatureVersion = currentVersion(signature);
        DocumentVersion orderVersion = currentVersion(order);
        SignatureCheck check = signatures.verifyAndRecord(
                new SignatureService.SignedObject(signature.getId(), signatureVersion.getVersion(),
                        signatureVersion.getObjectKey()),
                new SignatureService.SignedObject(order.getId(), orderVersion.getVersion(),
                        orderVersion.getObjectKey()));
        audit.record(user, AuditAction.VERIFY_SIGNATURE, AuditLog.EntityType.DOCUMENT, signature.getId(),
                signatureVersion.getVersion(), signature.getRegion(),
                "распоряжение " + order.getId() + " v" + orderVersion.getVersion() + ": " + check.status());
        return check;
    }

    /** The signature state of an order's current version. */
    @Transactional(readOnly = true)
    public DocumentView.SignatureState signatureState(CurrentUser user, UUID orderId) {
        Document order = readable(user, orderId);
        if (order.getType() != DocumentType.ORDER) {
            throw Problems.badRequest("Подписи проверяются у распоряжений (тип ORDER).");
        }
        List<SignatureCheck> checks = signatures.checksOf(order.getId(), order.getCurrentVersion()).stream()
                .filter(check -> documents.findById(check.signatureId()).map(d -> !d.isDeleted()
                        && d.getCurrentVersion() == check.signatureVersion()).orElse(false))
                .toList();
        SignatureStatus status = checks.isEmpty() ? SignatureStatus.NOT_SIGNED
                : checks.stream().map(SignatureCheck::status).min(Enum::compareTo).orElseThrow();
        return new DocumentView.SignatureState(order.getId(), order.getCurrentVersion(), status, checks);
    }

    @Transactional(readOnly = true)
    public DocumentView get(CurrentUser user, UUID id) {
        Document doc = readable(user, id);
        DocumentView view = view(doc, currentVersion(doc));
        if (doc.getType() == DocumentType.SIGNATURE) {
            view = view.withSignature(signatures.find(doc.getId(), doc.getCurrentVersion()));
        }
        return view;
    }

    @Transactional(readOnly = true)
    public List<DocumentView.VersionView> versions(CurrentUser user, UUID id) {
        Document doc = readable(user, id);
        return versions.findByDocumentIdOrderByVersionDesc(doc.getId()).stream().map(DocumentService::versionView)
                .toList();
    }

    /** Opens a version for download (current when {@code version} is null) and records the download. */
    @Transactional
    public Content openContent(CurrentUser user, UUID id, Integer version) {
        Document doc = readable(user, id);
        return content(user, doc, version);
    }

    /** Files of a practice, for anyone who may read the practice (anonymous callers: published ones). */
    @Transactional
    public Content openPracticeFile(CurrentUser user, UUID practiceId, UUID documentId) {
        PracticeRef practice = practices.find(practiceId)
                .filter(p -> ru.school500.documentservice.practice.PracticeAccess.canRead(user, p))
                .orElseThrow(() -> Problems.notFound("Практика не найдена."));
        Document doc = documents.findById(documentId)
                .filter(d -> practice.id().equals(d.getPracticeId()) && !d.isDeleted())
                .orElseThrow(() -> Problems.notFound("Файл практики не найден."));
        return content(user, doc, null);
    }

    private Content content(CurrentUser user, Document doc, Integer version) {
        DocumentVersion v = version == null ? currentVersion(doc)
                : versions.findByDocumentIdAndVersion(doc.getId(), version)
                        .orElseThrow(() -> Problems.notFound("Версия " + version + " не найдена."));
        audit.record(user, AuditAction.DOWNLOAD, AuditLog.EntityType.DOCUMENT, doc.getId(), v.getVersion(),
                doc.getRegion(), v.getFileName());
        return new Content(doc.getId(), v.getVersion(), v.getObjectKey(), v.getFileName(), v.getContentType(),
                v.getSize(), v.getSha256(), v.getUploadedAt());
    }

    @Transactional
    public DocumentView update(CurrentUser user, UUID id, MetadataUpdate update) {
        Document doc = lockReadable(user, id);
        if (doc.isDeleted()) {
            throw Problems.conflict("Документ удалён.");
        }
        if (!DocumentAccess.canWrite(user, doc, practiceOf(doc))) {
            throw Problems.forbidden("Изменять документ может только его владелец.");
        }
        List<String> changes = new ArrayList<>();
        if (update.title() != null && !update.title().isBlank()) {
            doc.setTitle(update.title().strip());
            changes.add("title");
        }
        if (update.kind() != null && doc.getType() == DocumentType.SCHOOL_MATERIAL) {
            doc.setKind(update.kind());
            changes.add("kind");
        }
        if (update.riskFactors() != null) {
            List<String> unknown = references.unknownRiskFactors(update.riskFactors());
            if (!unknown.isEmpty()) {
                throw Problems.invalidFields(Map.of("riskFactors", "Неизвестные факторы риска: " + unknown));
            }
            doc.setRiskFactors(update.riskFactors());
            changes.add("riskFactors");
        }
        if (doc.getType() == DocumentType.ORDER) {
            if (!Document.isPlausibleOrderDate(update.orderDate())) {
                throw Problems.invalidFields(Map.of("orderDate", Document.ORDER_DATE_RANGE));
            }
            if (update.orderNumber() != null || update.orderDate() != null || update.orderAuthority() != null) {
                doc.setOrder(Objects.requireNonNullElse(update.orderNumber(), doc.getOrderNumber()),
                        Objects.requireNonNullElse(update.orderDate(), doc.getOrderDate()),
                        update.orderAuthority() != null ? update.orderAuthority() : doc.getOrderAuthority());
                changes.add("order");
            }
            if (update.repeals() != null) {
                replaceRepeals(user, doc, update.repeals());
                changes.add("repeals");
            }
        }
        doc.touch(user.username(), clock.instant());
        documents.flush();
        DocumentVersion current = currentVersion(doc);
        feed.upsert(doc, current, practiceOf(doc));
        audit.record(user, AuditAction.UPDATE, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), "изменены поля: " + String.join(", ", changes));
        return view(doc, current);
    }

    @Transactional
    public DocumentView delete(CurrentUser user, UUID id) {
        Document doc = lockReadable(user, id);
        if (doc.isDeleted()) {
            return view(doc, currentVersion(doc));
        }
        PracticeRef practice = practiceOf(doc);
        if (!DocumentAccess.canWrite(user, doc, practice)) {
            throw Problems.forbidden("Удалить документ может только его владелец.");
        }
        doc.delete(user.username(), clock.instant());
        documents.flush();
        feed.delete(doc, practice);
        audit.record(user, AuditAction.DELETE, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), doc.getTitle());
        return view(doc, currentVersion(doc));
    }

    @Transactional
    public DocumentView restore(CurrentUser user, UUID id) {
        Document doc = lockReadable(user, id);
        PracticeRef practice = practiceOf(doc);
        if (!doc.isDeleted()) {
            return view(doc, currentVersion(doc));
        }
        if (!DocumentAccess.canRestore(user, doc, practice)) {
            throw Problems.forbidden("Восстановить документ может владелец или оператор региона.");
        }
        doc.restore(user.username(), clock.instant());
        documents.flush();
        DocumentVersion current = currentVersion(doc);
        feed.upsert(doc, current, practice);
        audit.record(user, AuditAction.RESTORE, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), doc.getTitle());
        return view(doc, current);
    }

    @Transactional
    public DocumentView.CommentView comment(CurrentUser user, UUID id, String text) {
        Document doc = readable(user, id);
        if (!DocumentAccess.canComment(user, doc)) {
            throw Problems.forbidden("Комментировать материалы школы могут её куратор, сама школа и оператор региона.");
        }
        UUID commentId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into document_comment (id, document_id, author, author_role, text, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(commentId, doc.getId(), user.username(), user.rolesAsText(), text, Timestamp.from(now))
                .update();
        audit.record(user, AuditAction.COMMENT, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), text.length() > 200 ? text.substring(0, 200) + "…" : text);
        return new DocumentView.CommentView(commentId, user.username(), user.rolesAsText(), text, now);
    }

    @Transactional(readOnly = true)
    public List<DocumentView.CommentView> comments(CurrentUser user, UUID id) {
        Document doc = readable(user, id);
        return jdbc.sql("select * from document_comment where document_id = ? order by created_at")
                .param(doc.getId())
                .query((rs, n) -> new DocumentView.CommentView(rs.getObject("id", UUID.class), rs.getString("author"),
                        rs.getString("author_role"), rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Documents the caller may see, newest first; deleted ones only on request and only for restorers. */
    @Transactional(readOnly = true)
    public Page<DocumentView> list(CurrentUser user, Filter filter, Pageable pageable) {
        if (user.isAnonymous() || user.region() == null && !user.has(Role.FEDERAL_ANALYST)) {
            return Page.empty(pageable);
        }
        Specification<Document> spec = (root, query, cb) -> {
            List<Predicate> visible = new ArrayList<>();
            Predicate sameRegion = user.region() == null ? cb.disjunction() : cb.equal(root.get("region"), user.region());
            Predicate orders = root.get("type").in(DocumentType.ORDER, DocumentType.SIGNATURE);
            Predicate material = cb.equal(root.get("type"), DocumentType.SCHOOL_MATERIAL);
            Predicate practiceFile = cb.equal(root.get("type"), DocumentType.PRACTICE_FILE);
            if (user.has(Role.FEDERAL_ANALYST)) {
                visible.add(orders);
            }
            if (user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY, Role.MUNICIPAL_COORDINATOR, Role.CURATOR,
                    Role.SCHOOL)) {
                visible.add(cb.and(sameRegion, orders));
            }
            if (user.has(Role.REGIONAL_OPERATOR)) {
                visible.add(cb.and(sameRegion, material));
            }
            if (user.has(Role.SCHOOL) && user.school() != null) {
                visible.add(cb.and(sameRegion, cb.equal(root.get("school"), user.school()),
                        cb.or(material, practiceFile)));
            }
            if (user.has(Role.CURATOR) && !user.schools().isEmpty()) {
                visible.add(cb.and(sameRegion, material, root.get("school").in(user.schools())));
            }
            if (user.has(Role.MUNICIPAL_COORDINATOR) && user.municipality() != null) {
                visible.add(cb.and(sameRegion, material, cb.equal(root.get("municipality"), user.municipality())));
            }
            List<Predicate> all = new ArrayList<>();
            all.add(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
            if (filter.deleted()) {
                // restorers: the owner school, the region's operators and (orders) the ministry
                Predicate restorers = cb.or(
                        user.has(Role.REGIONAL_OPERATOR) ? sameRegion : cb.disjunction(),
                        user.has(Role.SCHOOL) && user.school() != null
                                ? cb.equal(root.get("school"), user.school()) : cb.disjunction(),
                        user.has(Role.REGIONAL_MINISTRY) ? cb.and(sameRegion, orders) : cb.disjunction());
                all.add(cb.isNotNull(root.get("deletedAt")));
                all.add(restorers);
            } else {
                all.add(cb.isNull(root.get("deletedAt")));
            }
            if (filter.type() != null) {
                all.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.kind() != null) {
                all.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.region() != null) {
                all.add(cb.equal(root.get("region"), filter.region()));
            }
            if (filter.municipality() != null) {
                all.add(cb.equal(root.get("municipality"), filter.municipality()));
            }
            if (filter.school() != null) {
                all.add(cb.equal(root.get("school"), filter.school()));
            }
            if (filter.practiceId() != null) {
                all.add(cb.equal(root.get("practiceId"), filter.practiceId()));
            }
            if (filter.riskFactor() != null) {
                all.add(cb.isTrue(cb.function("array_contains", Boolean.class, root.get("riskFactors"),
                        cb.literal(filter.riskFactor()))));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                all.add(cb.like(cb.lower(root.get("title")), "%" + filter.text().toLowerCase() + "%"));
            }
            query.orderBy(cb.desc(root.get("updatedAt")));
            return cb.and(all.toArray(Predicate[]::new));
        };
        return documents.findAll(spec, pageable).map(doc -> view(doc, currentVersion(doc)));
    }

    /** Aggregates of school materials (no names, no files): for federal analysts, every region. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> materialStatistics(CurrentUser user) {
        String regionFilter;
        List<Object> params = new ArrayList<>();
        if (user.has(Role.FEDERAL_ANALYST)) {
            regionFilter = "";
        } else if (user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY) && user.region() != null) {
            regionFilter = " and region = ?";
            params.add(user.region());
        } else {
            throw Problems.forbidden("Сводка по материалам доступна федеральным аналитикам и региону.");
        }
        return jdbc.sql("select region, kind, count(*) as documents, count(distinct school) as schools"
                        + " from document where type = 'SCHOOL_MATERIAL' and deleted_at is null" + regionFilter
                        + " group by region, kind order by region, kind")
                .params(params)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("region", rs.getString("region"));
                    row.put("kind", rs.getString("kind"));
                    row.put("documents", rs.getLong("documents"));
                    row.put("schools", rs.getLong("schools"));
                    return row;
                })
                .list();
    }

    /** Re-announces the files of a practice whose status changed (their visibility follows the practice). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void practiceVisibilityChanged(UUID practiceId) {
        PracticeRef practice = practices.find(practiceId).orElse(null);
        List<Document> files = documents.findByPracticeId(practiceId).stream().filter(doc -> !doc.isDeleted())
                .toList();
        // every row first, then the outbox (which takes its lock): the same order as every other writer
        files.forEach(doc -> doc.touch(doc.getUpdatedBy(), clock.instant()));
        documents.flush();
        files.forEach(doc -> feed.upsert(doc, currentVersion(doc), practice));
    }

    // --- used by document.extraction

    /** Stores an extraction result for a version and announces the document again. */
    @Transactional
    public void recordExtraction(UUID documentId, int version, ExtractionResult result) {
        Document doc = documents.findForUpdate(documentId).orElse(null);
        if (doc == null) {
            return;
        }
        DocumentVersion v = versions.findByDocumentIdAndVersion(documentId, version).orElse(null);
        if (v == null) {
            return;
        }
        Instant now = clock.instant();
        switch (result) {
            case ExtractionResult.Text text -> v.extracted(text.text(), text.truncated(), now);
            case ExtractionResult.Failed failed -> v.extractionFailed(failed.reason(), now);
            case ExtractionResult.Skipped skipped -> v.extractionSkipped(skipped.reason(), now);
        }
        if (version == doc.getCurrentVersion() && !doc.isDeleted()) {
            doc.touch(doc.getUpdatedBy(), now);
            documents.flush();
            feed.upsert(doc, v, practiceOf(doc));
        }
    }

    /** Outcome of text extraction for one version. */
    public sealed interface ExtractionResult {
        record Text(String text, boolean truncated) implements ExtractionResult {
        }

        record Failed(String reason) implements ExtractionResult {
        }

        record Skipped(String reason) implements ExtractionResult {
        }
    }

    // --- helpers

    private Document readable(CurrentUser user, UUID id) {
        return documents.findById(id)
                .filter(doc -> DocumentAccess.canRead(user, doc, practiceOf(doc)))
                .orElseThrow(() -> Problems.notFound("Документ не найден."));
    }

    private Document lockReadable(CurrentUser user, UUID id) {
        return documents.findForUpdate(id)
                .filter(doc -> DocumentAccess.canRead(user, doc, practiceOf(doc)))
                .orElseThrow(() -> Problems.notFound("Документ не найден."));
    }

    private PracticeRef practiceOf(Document doc) {
        return doc.getPracticeId() == null ? null : practices.find(doc.getPracticeId()).orElse(null);
    }

    private DocumentVersion currentVersion(Document doc) {
        return versions.findByDocumentIdAndVersion(doc.getId(), doc.getCurrentVersion())
                .orElseThrow(() -> new IllegalStateException("document " + doc.getId() + " has no current version"));
    }

    private DocumentView view(Document doc, DocumentVersion v) {
        DocumentView.OrderInfo order = null;
        if (doc.getType() == DocumentType.ORDER) {
            List<UUID> repeals = jdbc.sql("select repealed_order_id from order_repeal where order_id = ?")
                    .param(doc.getId()).query(UUID.class).list();
            List<UUID> repealedBy = jdbc.sql("select order_id from order_repeal where repealed_order_id = ?")
                    .param(doc.getId()).query(UUID.class).list();
            order = new DocumentView.OrderInfo(doc.getOrderNumber(), doc.getOrderDate(), doc.getOrderAuthority(),
                    repeals, repealedBy);
        }
        return new DocumentView(doc.getId(), doc.getType(), doc.getTitle(), doc.getKind(), doc.getRegion(),
                doc.getMunicipality(), doc.getSchool(), doc.getRiskFactors(), doc.getPracticeId(),
                doc.getSignedDocumentId(), order, v.getVersion(), v.getFileName(), v.getContentType(), v.getSize(),
                v.getSha256(), v.getUploadedBy(), v.getUploadedAt(), v.getExtractionStatus(), v.getExtractionError(),
                doc.getRevision(), doc.getCreatedAt(), doc.getCreatedBy(), doc.getUpdatedAt(), doc.isDeleted(),
                doc.getDeletedAt(), null);
    }

    private static DocumentView.VersionView versionView(DocumentVersion v) {
        return new DocumentView.VersionView(v.getVersion(), v.getFileName(), v.getContentType(), v.getSize(),
                v.getSha256(), v.getUploadedBy(), v.getUploadedAt(), v.getExtractionStatus(), v.getExtractionError());
    }

    /**
     * Control characters and the bidirectional controls that make a name display as something else
     * ({@code «Отчёт\u202Efdp.exe»} shows as «Отчётexe.pdf»): LRM/RLM, the embeddings and overrides
     * U+202A–U+202E, the isolates U+2066–U+2069 and the Arabic letter mark.
     */
    private static final java.util.regex.Pattern UNSAFE_IN_NAMES =
            java.util.regex.Pattern.compile("[\\p{Cntrl}\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]");

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
