package ru.school500.roadmapservice.web;

/**
 * Versions as strong ETags ({@code "3"}) and the {@code If-Match} a write must carry. A missing header is 428,
 * a header that names another version is 412 (decided by the service against the stored version).
 */
public final class Etags {

    /** Parsed If-Match value that matches no version, so the service answers 412. */
    public static final long NO_MATCH = -1;

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client last saw; 428 when it sent none. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.ifMatchRequired();
        }
        return parse(ifMatch);
    }

    /** Like {@link #required(String)} but {@code null} when the header is absent (for create-or-update). */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return NO_MATCH;
        }
    }
}
