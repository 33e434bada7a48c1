package ru.school500.documentservice.practice;

/** Уровень образования. */
public enum EducationLevel {
    PRESCHOOL, PRIMARY_GENERAL, BASIC_GENERAL, SECONDARY_GENERAL, ALL_GENERAL
}
