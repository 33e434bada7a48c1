package ru.school500.documentservice.document;

import org.springframework.stereotype.Component;

/** Documents and versions as the API shows them (an order with the orders it repeals and is repealed by). */
@Component
class DocumentViews {

    private final DocumentLookup lookup;
    private final OrderRepeals repeals;

    DocumentViews(DocumentLookup lookup, OrderRepeals repeals) {
        this.lookup = lookup;
        this.repeals = repeals;
    }

    DocumentView current(Document doc) {
        return of(doc, lookup.currentVersion(doc));
    }

    DocumentView of(Document doc, DocumentVersion v) {
        DocumentView.OrderInfo order = null;
        if (doc.getType() == DocumentType.ORDER) {
            order = new DocumentView.OrderInfo(doc.getOrderNumber(), doc.getOrderDate(), doc.getOrderAuthority(),
                    repeals.repealedOrders(doc.getId()), repeals.repealingOrders(doc.getId()));
        }
        return new DocumentView(doc.getId(), doc.getType(), doc.getTitle(), doc.getKind(), doc.getRegion(),
                doc.getMunicipality(), doc.getSchool(), doc.getRiskFactors(), doc.getPracticeId(),
                doc.getSignedDocumentId(), order, v.getVersion(), v.getFileName(), v.getContentType(), v.getSize(),
                v.getSha256(), v.getUploadedBy(), v.getUploadedAt(), v.getExtractionStatus(), v.getExtractionError(),
                doc.getRevision(), doc.getCreatedAt(), doc.getCreatedBy(), doc.getUpdatedAt(), doc.isDeleted(),
                doc.getDeletedAt(), null);
    }

    static DocumentView.VersionView version(DocumentVersion v) {
        return new DocumentView.VersionView(v.getVersion(), v.getFileName(), v.getContentType(), v.getSize(),
                v.getSha256(), v.getUploadedBy(), v.getUploadedAt(), v.getExtractionStatus(), v.getExtractionError());
    }
}
