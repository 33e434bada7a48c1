package ru.school500.documentservice.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.school500.documentservice.web.NoNulStrings;
import ru.school500.documentservice.web.Problems;

/**
 * The text fields of an upload, read from the multipart stream (before or after the file). Repeated fields
 * and comma-separated values are both accepted for lists.
 */
record UploadForm(
        DocumentType type,
        String title,
        MaterialKind kind,
        List<String> riskFactors,
        UUID documentId,
        UUID practiceId,
        UUID signedDocumentId,
        String orderNumber,
        LocalDate orderDate,
        String orderAuthority,
        List<UUID> repeals,
        String region,
        String municipality,
        String school) {

    static final int MAX_FIELD_LENGTH = 4000;

    static UploadForm parse(Map<String, List<String>> raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (NoNulStrings.hasNul(name) || values.stream().anyMatch(NoNulStrings::hasNul)) {
                errors.put(name.replace('\u0000', '?'), NoNulStrings.MESSAGE);
            }
        });
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        DocumentType type = enumValue(raw, "type", DocumentType.class, errors);
        String title = text(raw, "title", 1000, errors);
        MaterialKind kind = enumValue(raw, "kind", MaterialKind.class, errors);
        List<String> riskFactors = list(raw, "riskFactors");
        if (riskFactors.isEmpty()) {
            riskFactors = list(raw, "riskFactor");
        }
        UUID documentId = uuid(raw, "documentId", errors);
        UUID practiceId = uuid(raw, "practiceId", errors);
        UUID signedDocumentId = uuid(raw, "signedDocumentId", errors);
        String orderNumber = text(raw, "orderNumber", 100, errors);
        LocalDate orderDate = null;
        String date = text(raw, "orderDate", 20, errors);
        if (date != null) {
            try {
                orderDate = LocalDate.parse(date);
                if (!Document.isPlausibleOrderDate(orderDate)) {
                    errors.put("orderDate", Document.ORDER_DATE_RANGE);
                }
            } catch (DateTimeParseException e) {
                errors.put("orderDate", "Дата в формате ГГГГ-ММ-ДД");
            }
        }
        String authority = text(raw, "authority", 1000, errors);
        if (authority == null) {
            authority = text(raw, "orderAuthority", 1000, errors);
        }
        List<UUID> repeals = new ArrayList<>();
        for (String value : list(raw, "repeals")) {
            try {
                repeals.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                errors.put("repeals", "Ожидаются идентификаторы документов");
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return new UploadForm(type, title, kind, riskFactors, documentId, practiceId, signedDocumentId, orderNumber,
                orderDate, authority, List.copyOf(repeals), first(raw, "region"), first(raw, "municipality"),
                first(raw, "school"));
    }

    private static String first(Map<String, List<String>> raw, String name) {
        List<String> values = raw.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.getFirst().strip();
        return value.isEmpty() ? null : value;
    }

    private static String text(Map<String, List<String>> raw, String name, int max, Map<String, String> errors) {
        String value = first(raw, name);
        if (value != null && value.length() > max) {
            errors.put(name, "Не длиннее " + max + " символов");
        }
        return value;
    }

    private static List<String> list(Map<String, List<String>> raw, String name) {
        return raw.getOrDefault(name, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static UUID uuid(Map<String, List<String>> raw, String name, Map<String, String> errors) {
        String value = first(raw, name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.put(name, "Ожидается идентификатор документа");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Map<String, List<String>> raw, String name, Class<E> type,
            Map<String, String> errors) {
        String value = first(raw, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(name, "Допустимые значения: " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
