package ru.school500.documentservice.signature;

import java.time.Instant;
import java.util.UUID;

/** A stored check of one signature version against one order version, as the API shows it. */
public record SignatureCheck(
        UUID signatureId,
        int signatureVersion,
        UUID orderId,
        int orderVersion,
        SignatureStatus status,
        Signer signer,
        Certificate certificate,
        Instant signingTime,
        String algorithm,
        String detail,
        Instant checkedAt) {

    public record Signer(String name, String position, String organisation, String snils, String ogrn, String inn) {
    }

    public record Certificate(String subject, String issuer, String serialNumber, Instant notBefore,
            Instant notAfter) {
    }
}
