package ru.school500.documentservice.document;

public enum DocumentType {
    /** Материалы школы: concept, programmes, reports. */
    SCHOOL_MATERIAL,
    /** Распоряжение регионального министерства (or the source file of an imported one). */
    ORDER,
    /** Detached CMS/PKCS#7 signature of an order. */
    SIGNATURE,
    /** A file attached to a best practice. */
    PRACTICE_FILE
}
