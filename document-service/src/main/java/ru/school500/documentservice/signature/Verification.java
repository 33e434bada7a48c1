package ru.school500.documentservice.signature;

import java.time.Instant;

/** What a signature check found: status, signer (from the certificate subject), time, algorithm, certificate. */
public record Verification(
        SignatureStatus status,
        String signerName,
        String signerPosition,
        String signerOrganisation,
        String signerSnils,
        String signerOgrn,
        String signerInn,
        String certificateSubject,
        String certificateIssuer,
        String certificateSerial,
        Instant certificateNotBefore,
        Instant certificateNotAfter,
        Instant signingTime,
        String algorithm,
        String detail) {

    static Verification of(SignatureStatus status, String detail) {
        return new Verification(status, null, null, null, null, null, null, null, null, null, null, null, null,
                null, detail);
    }
}
