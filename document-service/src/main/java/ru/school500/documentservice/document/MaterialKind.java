package ru.school500.documentservice.document;

public enum MaterialKind {
    DEVELOPMENT_PROGRAM, DEVELOPMENT_CONCEPT, MIDTERM_PROGRAM, ANTI_RISK_PROGRAM, SELF_DIAGNOSIS, REPORT, OTHER
}
