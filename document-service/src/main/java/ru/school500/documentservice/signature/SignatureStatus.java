package ru.school500.documentservice.signature;

/** The outcome of checking a detached signature over the exact stored bytes of an order. */
public enum SignatureStatus {
    /** Signature matches the bytes, the certificate was valid at signing time and chains to a trusted root. */
    VALID,
    /** The bytes or the signature do not match (tampered file, wrong certificate, not a signature). */
    INVALID,
    /** The signature matches but the certificate does not chain to a configured trust anchor. */
    UNTRUSTED,
    /** The signature matches but the signer's certificate was not valid at signing time. */
    EXPIRED,
    /** No signature at all (no signature file, or one without signers). */
    NOT_SIGNED
}
