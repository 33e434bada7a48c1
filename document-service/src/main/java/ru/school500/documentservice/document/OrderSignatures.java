package ru.school500.documentservice.document;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.documentservice.audit.AuditAction;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.document.storage.ObjectStore;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.signature.SignatureCheck;
import ru.school500.documentservice.signature.SignatureService;
import ru.school500.documentservice.signature.SignatureStatus;
import ru.school500.documentservice.web.Problems;

/**
 * The document side of signatures: which signature file signs which order version, who may check it, and
 * the order's signature state. The check itself (BouncyCastle, trust anchors, the stored result) is the
 * signature package's, over bytes this class opens from storage.
 */
@Service
class OrderSignatures {

    private final DocumentLookup lookup;
    private final DocumentRepository documents;
    private final SignatureService signatures;
    private final ObjectStore store;
    private final AuditLog audit;

    OrderSignatures(DocumentLookup lookup, DocumentRepository documents, SignatureService signatures,
            ObjectStore store, AuditLog audit) {
        this.lookup = lookup;
        this.documents = documents;
        this.signatures = signatures;
        this.store = store;
        this.audit = audit;
    }

    /** Checks (again) the current version of a signature against the current version of its order. */
    @Transactional
    public SignatureCheck recheck(CurrentUser user, UUID signatureId) {
        Document signature = lookup.readable(user, signatureId);
        if (signature.getType() != DocumentType.SIGNATURE) {
            throw Problems.badRequest("Документ не является файлом подписи.");
        }
        Document order = documents.findById(signature.getSignedDocumentId())
                .orElseThrow(() -> Problems.notFound("Распоряжение не найдено."));
        DocumentVersion signatureVersion = lookup.currentVersion(signature);
        DocumentVersion orderVersion = lookup.currentVersion(order);
        SignatureCheck check = signatures.verifyAndRecord(signed(signatureVersion), signed(orderVersion));
        audit.record(user, AuditAction.VERIFY_SIGNATURE, AuditLog.EntityType.DOCUMENT, signature.getId(),
                signatureVersion.getVersion(), signature.getRegion(),
                "распоряжение " + order.getId() + " v" + orderVersion.getVersion() + ": " + check.status());
        return check;
    }

    /** The signature state of an order's current version. */
    @Transactional(readOnly = true)
    public DocumentView.SignatureState stateOf(CurrentUser user, UUID orderId) {
        Document order = lookup.readable(user, orderId);
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

    /** A signature file's view carries its stored check; other documents are shown as they are. */
    DocumentView withCheck(Document doc, DocumentView view) {
        return doc.getType() == DocumentType.SIGNATURE
                ? view.withSignature(signatures.find(doc.getId(), doc.getCurrentVersion())) : view;
    }

    private SignatureService.SignedObject signed(DocumentVersion version) {
        String key = version.getObjectKey();
        return new SignatureService.SignedObject(version.getDocumentId(), version.getVersion(),
                () -> store.get(key, 0, null));
    }
}
