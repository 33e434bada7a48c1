package ru.school500.documentservice.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document's metadata and its visibility fields (region, municipality, school). Its files are the
 * {@link DocumentVersion}s; {@code revision} counts every change and is the feed's {@code version}.
 */
@Entity
@Table(name = "document")
class Document {

    /** Orders are dated within these bounds; anything else is a typo (and may not even fit the database). */
    static final LocalDate EARLIEST_ORDER_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_ORDER_DATE = LocalDate.of(2100, 12, 31);
    static final String ORDER_DATE_RANGE =
            "Дата распоряжения от " + EARLIEST_ORDER_DATE + " до " + LATEST_ORDER_DATE;

    static boolean isPlausibleOrderDate(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST_ORDER_DATE) && !date.isAfter(LATEST_ORDER_DATE));
    }


    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private DocumentType type;
    private String title;
    @Enumerated(EnumType.STRING)
    private MaterialKind kind;
    private String region;
    private String municipality;
    private String school;
    private UUID practiceId;
    private UUID signedDocumentId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(100)[]")
    private List<String> riskFactors = new ArrayList<>();
    private String orderNumber;
    private LocalDate orderDate;
    private String orderAuthority;
    private int currentVersion;
    private long revision;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;
    private String deletedBy;
    private Instant deletedAt;

    protected Document() {
    }

    Document(UUID id, DocumentType type, String title, String region, String municipality, String school,
            String by, Instant now) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.region = region;
        this.municipality = municipality;
        this.school = school;
        this.createdBy = by;
        this.createdAt = now;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    int nextVersion(String by, Instant now) {
        currentVersion++;
        touch(by, now);
        return currentVersion;
    }

    void touch(String by, Instant now) {
        updatedBy = by;
        updatedAt = now;
        revision++;
    }

    void delete(String by, Instant now) {
        deletedBy = by;
        deletedAt = now;
        touch(by, now);
    }

    void restore(String by, Instant now) {
        deletedBy = null;
        deletedAt = null;
        touch(by, now);
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    void setTitle(String title) { this.title = title; }
    void setKind(MaterialKind kind) { this.kind = kind; }
    void setRiskFactors(List<String> riskFactors) { this.riskFactors = new ArrayList<>(riskFactors); }
    void setPracticeId(UUID practiceId) { this.practiceId = practiceId; }
    void setSignedDocumentId(UUID signedDocumentId) { this.signedDocumentId = signedDocumentId; }
    void setOrder(String number, LocalDate date, String authority) {
        this.orderNumber = number;
        this.orderDate = date;
        this.orderAuthority = authority;
    }

    UUID getId() { return id; }
    DocumentType getType() { return type; }
    String getTitle() { return title; }
    MaterialKind getKind() { return kind; }
    String getRegion() { return region; }
    String getMunicipality() { return municipality; }
    String getSchool() { return school; }
    UUID getPracticeId() { return practiceId; }
    UUID getSignedDocumentId() { return signedDocumentId; }
    List<String> getRiskFactors() { return List.copyOf(riskFactors); }
    String getOrderNumber() { return orderNumber; }
    LocalDate getOrderDate() { return orderDate; }
    String getOrderAuthority() { return orderAuthority; }
    int getCurrentVersion() { return currentVersion; }
    long getRevision() { return revision; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    String getUpdatedBy() { return updatedBy; }
    Instant getUpdatedAt() { return updatedAt; }
    String getDeletedBy() { return deletedBy; }
    Instant getDeletedAt() { return deletedAt; }
}
