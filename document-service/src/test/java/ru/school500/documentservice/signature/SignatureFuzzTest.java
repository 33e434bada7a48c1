package ru.school500.documentservice.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the signature parser and verifier: whatever file is uploaded as a
 * detached signature (DER, PEM, Base64 or garbage), the check answers a status with a Russian explanation —
 * never an exception — within a bounded time. Seeds in {@code SignatureFuzzTestInputs/}: signatures of
 * {@link #CONTENT} with GOST R 34.10-2012 256/512, RSA and ECDSA keys in each encoding, plus earlier findings.
 */
class SignatureFuzzTest {

    static final byte[] CONTENT = "Распоряжение № 324 от 16.03.2022".getBytes(StandardCharsets.UTF_8);
    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final SignatureVerifier verifier = new SignatureVerifier(List.of(TestPki.trustedRoot().certificate()));

    @FuzzTest(maxDuration = "10s")
    void anySignatureFileIsJudgedWithoutErrorInBoundedTime(byte[] signatureFile) {
        long start = System.nanoTime();

        Verification verification = verifier.verify(signatureFile, new ByteArrayInputStream(CONTENT), NOW);
        boolean recognised = SignatureFiles.isSignature(signatureFile);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PER_INPUT);
        assertThat(verification.status()).isNotNull();
        assertThat(verification.detail()).isNotBlank();
        if (!recognised) {
            assertThat(verification.status()).isEqualTo(SignatureStatus.INVALID);
        }
    }
}
