package ru.school500.documentservice.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ru.school500.documentservice.signature.TestPki.Algorithm;

class SignatureVerifierTest {

    private static final byte[] ORDER = "Распоряжение № 5-43 от 01.02.2022 «Об утверждении дорожной карты»"
            .getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier verifier = new SignatureVerifier(List.of(TestPki.trustedRoot().certificate()));

    private Verification verify(byte[] signature, byte[] content) {
        return verifier.verify(signature, new ByteArrayInputStream(content), Instant.now());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void validSignatureReportsSignerTimeAndAlgorithm(Algorithm algorithm) {
        Verification result = verify(TestPki.signer(algorithm).sign(ORDER), ORDER);

        assertThat(result.status()).as(result.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(result.signerName()).isEqualTo("Иванова Мария Петровна");
        assertThat(result.signerPosition()).isEqualTo("Министр образования");
        assertThat(result.signerOrganisation()).isEqualTo("Министерство образования Кировской области");
        assertThat(result.signerSnils()).isEqualTo("12345678901");
        assertThat(result.signerOgrn()).isEqualTo("1024301340238");
        assertThat(result.signingTime()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        assertThat(result.algorithm()).startsWith(switch (algorithm) {
            case GOST_256 -> "ГОСТ Р 34.10-2012 (256 бит), хэш ГОСТ Р 34.11-2012 (256 бит)";
            case GOST_512 -> "ГОСТ Р 34.10-2012 (512 бит), хэш ГОСТ Р 34.11-2012 (512 бит)";
            case RSA -> "RSA";
            case ECDSA -> "ECDSA";
        });
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tamperedBytesAreInvalid(Algorithm algorithm) {
        byte[] tampered = ORDER.clone();
        tampered[10] ^= 1;

        assertThat(verify(TestPki.signer(algorithm).sign(ORDER), tampered).status())
                .isEqualTo(SignatureStatus.INVALID);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void signatureWithAnotherKeysCertificateIsInvalid(Algorithm algorithm) {
        TestPki.Signer signer = TestPki.signer(algorithm);
        TestPki.Signer other = TestPki.signer(algorithm);
        byte[] signature = TestPki.signWith(ORDER, signer.key(), other.certificate(), algorithm);

        assertThat(verify(signature, ORDER).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void expiredCertificateIsExpired(Algorithm algorithm) {
        assertThat(verify(TestPki.expiredSigner(algorithm).sign(ORDER), ORDER).status())
                .isEqualTo(SignatureStatus.EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void certificateOfAnUntrustedRootIsUntrusted(Algorithm algorithm) {
        assertThat(verify(TestPki.untrustedSigner(algorithm).sign(ORDER), ORDER).status())
                .isEqualTo(SignatureStatus.UNTRUSTED);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void pemAndBase64EncodingsAreAccepted(Algorithm algorithm) {
        byte[] der = TestPki.signer(algorithm).sign(ORDER);

        assertThat(verify(TestPki.pemSignature(der).getBytes(StandardCharsets.US_ASCII), ORDER).status())
                .isEqualTo(SignatureStatus.VALID);
        assertThat(verify(TestPki.base64Signature(der).getBytes(StandardCharsets.US_ASCII), ORDER).status())
                .isEqualTo(SignatureStatus.VALID);
    }

    @org.junit.jupiter.api.Test
    void somethingElseIsNotASignature() {
        assertThat(verify("просто текст".getBytes(StandardCharsets.UTF_8), ORDER).status())
                .isEqualTo(SignatureStatus.INVALID);
    }

    @org.junit.jupiter.api.Test
    void emptyTrustStoreTrustsNothing() {
        Verification result = new SignatureVerifier(List.of()).verify(TestPki.signer(Algorithm.RSA).sign(ORDER),
                new ByteArrayInputStream(ORDER), Instant.now());

        assertThat(result.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    }
}
