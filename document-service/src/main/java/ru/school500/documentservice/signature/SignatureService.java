package ru.school500.documentservice.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a stored detached signature against the stored bytes of the order it signs (both read back from
 * storage by the caller's {@link StoredBytes}, so what is verified is exactly what is kept) and records the
 * result. Access checks and where the bytes live are the caller's (the document feature): this package
 * depends on neither.
 */
@Service
public class SignatureService {

    /** Signature files are small; a larger "signature" is not read into memory. */
    static final int MAX_SIGNATURE_BYTES = 1024 * 1024;

    private final TrustAnchors anchors;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    SignatureService(TrustAnchors anchors, JdbcClient jdbc) {
        this.anchors = anchors;
        this.jdbc = jdbc;
    }

    /** Opens the stored bytes of one version of a document. */
    @FunctionalInterface
    public interface StoredBytes {
        InputStream open() throws IOException;
    }

    public record SignedObject(UUID documentId, int version, StoredBytes content) {
    }

    /** Verifies and stores (replacing an earlier check of the same signature version, concurrent ones too). */
    @Transactional
    public SignatureCheck verifyAndRecord(SignedObject signature, SignedObject order) {
        Verification result = verify(signature.content(), order.content());
        Instant now = clock.instant();
        // one statement, so concurrent checks of the same signature version replace each other's result
        // instead of racing a delete against an insert (a duplicate key)
        jdbc.sql("""
                insert into signature_check (signature_document_id, signature_version, order_document_id,
                    order_version, status, signer_name, signer_position, signer_organisation, signer_snils,
                    signer_ogrn, signer_inn, certificate_subject, certificate_issuer, certificate_serial,
                    certificate_not_before, certificate_not_after, signing_time, algorithm, detail, checked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (signature_document_id, signature_version) do update set
                    order_document_id = excluded.order_document_id, order_version = excluded.order_version,
                    status = excluded.status, signer_name = excluded.signer_name,
                    signer_position = excluded.signer_position, signer_organisation = excluded.signer_organisation,
                    signer_snils = excluded.signer_snils, signer_ogrn = excluded.signer_ogrn,
                    signer_inn = excluded.signer_inn, certificate_subject = excluded.certificate_subject,
                    certificate_issuer = excluded.certificate_issuer,
                    certificate_serial = excluded.certificate_serial,
                    certificate_not_before = excluded.certificate_not_before,
                    certificate_not_after = excluded.certificate_not_after, signing_time = excluded.signing_time,
                    algorithm = excluded.algorithm, detail = excluded.detail, checked_at = excluded.checked_at""")
                .params(signature.documentId(), signature.version(), order.documentId(), order.version(),
                        result.status().name(), cut(result.signerName(), 500), cut(result.signerPosition(), 500),
                        cut(result.signerOrganisation(), 1000), cut(result.signerSnils(), 20),
                        cut(result.signerOgrn(), 20), cut(result.signerInn(), 20),
                        cut(result.certificateSubject(), 2000), cut(result.certificateIssuer(), 2000),
                        cut(result.certificateSerial(), 100), ts(result.certificateNotBefore()),
                        ts(result.certificateNotAfter()), ts(result.signingTime()), cut(result.algorithm(), 200),
                        cut(result.detail(), 2000), ts(now))
                .update();
        return find(signature.documentId(), signature.version());
    }

    Verification verify(StoredBytes signatureBytes, StoredBytes orderBytes) {
        byte[] signatureFile;
        try (InputStream in = signatureBytes.open()) {
            signatureFile = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (signatureFile.length > MAX_SIGNATURE_BYTES) {
            return Verification.of(SignatureStatus.INVALID, "Файл подписи слишком большой.");
        }
        try (InputStream content = orderBytes.open()) {
            return new SignatureVerifier(anchors.certificates()).verify(signatureFile, content, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public SignatureCheck find(UUID signatureId, int version) {
        return jdbc.sql("select * from signature_check where signature_document_id = ? and signature_version = ?")
                .params(signatureId, version).query(SignatureService::map).optional().orElse(null);
    }

    /** Checks of the signatures of this order version, newest first. */
    @Transactional(readOnly = true)
    public List<SignatureCheck> checksOf(UUID orderId, int orderVersion) {
        return jdbc.sql("""
                select * from signature_check where order_document_id = ? and order_version = ?
                order by checked_at desc""").params(orderId, orderVersion).query(SignatureService::map).list();
    }

    private static SignatureCheck map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SignatureCheck(rs.getObject("signature_document_id", UUID.class), rs.getInt("signature_version"),
                rs.getObject("order_document_id", UUID.class), rs.getInt("order_version"),
                SignatureStatus.valueOf(rs.getString("status")),
                new SignatureCheck.Signer(rs.getString("signer_name"), rs.getString("signer_position"),
                        rs.getString("signer_organisation"), rs.getString("signer_snils"),
                        rs.getString("signer_ogrn"), rs.getString("signer_inn")),
                new SignatureCheck.Certificate(rs.getString("certificate_subject"),
                        rs.getString("certificate_issuer"), rs.getString("certificate_serial"),
                        instant(rs.getTimestamp("certificate_not_before")),
                        instant(rs.getTimestamp("certificate_not_after"))),
                instant(rs.getTimestamp("signing_time")), rs.getString("algorithm"), rs.getString("detail"),
                instant(rs.getTimestamp("checked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Fits a value read from a certificate into its column (PostgreSQL text cannot hold NUL). */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\u0000", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
