package ru.school500.roadmapservice.roadmap;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Columns of {@link OrderReference}; the same names in {@code roadmap} and {@code roadmap_repealed_order}. */
@Embeddable
class OrderRef {

    @Column(name = "order_document_id")
    private UUID documentId;
    @Column(name = "order_kind")
    private String kind;
    @Column(name = "order_number")
    private String number;
    @Column(name = "order_date")
    private LocalDate date;
    @Column(name = "order_authority")
    private String authority;
    @Column(name = "order_city")
    private String city;
    @Column(name = "order_title")
    private String title;
    @Column(name = "order_signatory")
    private String signatory;
    @Column(name = "order_signatory_position")
    private String signatoryPosition;
    @Column(name = "order_annex_citation")
    private String annexCitation;

    protected OrderRef() {
    }

    static OrderRef of(OrderReference ref) {
        if (ref == null) {
            return null;
        }
        OrderRef order = new OrderRef();
        order.documentId = ref.documentId();
        order.kind = ref.kind();
        order.number = ref.number();
        order.date = ref.date();
        order.authority = ref.authority();
        order.city = ref.city();
        order.title = ref.title();
        order.signatory = ref.signatory();
        order.signatoryPosition = ref.signatoryPosition();
        order.annexCitation = ref.annexCitation();
        return order;
    }

    OrderReference view() {
        return new OrderReference(documentId, kind, number, date, authority, city, title, signatory,
                signatoryPosition, annexCitation);
    }

    /** Hibernate reads an embedded value whose columns are all null as null; so do we. */
    boolean isEmpty() {
        return view().equals(new OrderReference(null, null, null, null, null, null, null, null, null, null));
    }

    String getNumber() {
        return number;
    }

    LocalDate getDate() {
        return date;
    }
}
