package ru.school500.documentservice.signature;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Verifies a detached CMS signature over a stream of the signed bytes with BouncyCastle (GOST R 34.10-2012
 * 256/512, RSA, ECDSA), streaming the content through the digest rather than loading it. Pure: the trust
 * anchors and the current time are given.
 */
public final class SignatureVerifier {

    static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");
    static final ASN1ObjectIdentifier OGRN = new ASN1ObjectIdentifier("1.2.643.100.1");
    static final ASN1ObjectIdentifier OGRNIP = new ASN1ObjectIdentifier("1.2.643.100.5");
    static final ASN1ObjectIdentifier INN = new ASN1ObjectIdentifier("1.2.643.3.131.1.1");
    static final ASN1ObjectIdentifier INN_LE = new ASN1ObjectIdentifier("1.2.643.100.4");
    private static final String GOST_256_KEY = "1.2.643.7.1.1.1.1";
    private static final String GOST_512_KEY = "1.2.643.7.1.1.1.2";
    private static final String RSA_KEY = "1.2.840.113549.1.1.1";
    private static final String EC_KEY = "1.2.840.10045.2.1";

    private final List<X509Certificate> anchors;

    public SignatureVerifier(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    public Verification verify(byte[] signatureFile, InputStream content, Instant now) {
        byte[] der = SignatureFiles.toDer(signatureFile);
        if (der == null) {
            return Verification.of(SignatureStatus.INVALID, "Файл не является подписью CMS/PKCS#7.");
        }
        try {
            return verifyDer(der, content, now);
        } catch (RuntimeException malformed) {
            // BouncyCastle reads the structure lazily: a broken value (say, a subject name that is not UTF-8)
            // surfaces as a runtime exception only when it is read
            return Verification.of(SignatureStatus.INVALID, "Подпись или сертификат в ней повреждены и не читаются.");
        }
    }

    private Verification verifyDer(byte[] der, InputStream content, Instant now) {
        SignerInformation signer;
        Store<X509CertificateHolder> certificates;
        try {
            CMSSignedDataParser parser = new CMSSignedDataParser(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build(),
                    new CMSTypedStream(content), der);
            parser.getSignedContent().drain();
            Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return Verification.of(SignatureStatus.NOT_SIGNED, "В файле подписи нет ни одной подписи.");
            }
            signer = signers.iterator().next();
            certificates = parser.getCertificates();
        } catch (CMSException | OperatorCreationException | IOException e) {
            return Verification.of(SignatureStatus.INVALID, "Подпись не читается: " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = certificates.getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return Verification.of(SignatureStatus.INVALID, "Сертификат подписанта не включён в подпись.");
        }
        X509CertificateHolder holder = matches.iterator().next();
        Instant signingTime = signingTime(signer);
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
        } catch (CertificateException e) {
            return Verification.of(SignatureStatus.INVALID, "Сертификат подписанта не читается.");
        }

        SignatureStatus status;
        String detail;
        if (!signatureMatches(signer, certificate)) {
            status = SignatureStatus.INVALID;
            detail = "Подпись не соответствует файлу или сертификату.";
        } else {
            Instant at = signingTime != null ? signingTime : now;
            if (!holder.isValidOn(Date.from(at))) {
                status = SignatureStatus.EXPIRED;
                detail = "Сертификат подписанта недействителен на момент подписания ("
                        + holder.getNotBefore().toInstant() + " – " + holder.getNotAfter().toInstant() + ").";
            } else if (!chainsToAnchor(certificate, certificates, at)) {
                status = SignatureStatus.UNTRUSTED;
                detail = "Сертификат не связан цепочкой с доверенным корневым сертификатом.";
            } else {
                status = SignatureStatus.VALID;
                detail = "Подпись верна.";
            }
        }
        X500Name subject = holder.getSubject();
        return new Verification(status, signerName(subject), value(subject, BCStyle.T),
                value(subject, BCStyle.O), value(subject, SNILS),
                firstNonNull(value(subject, OGRN), value(subject, OGRNIP)),
                firstNonNull(value(subject, INN_LE), value(subject, INN)),
                subject.toString(), holder.getIssuer().toString(), serial(holder.getSerialNumber()),
                holder.getNotBefore().toInstant(), holder.getNotAfter().toInstant(), signingTime,
                algorithm(signer, holder.getSubjectPublicKeyInfo()), detail);
    }

    private static boolean signatureMatches(SignerInformation signer, X509Certificate certificate) {
        try {
            // verify with the bare public key: certificate validity is judged separately (EXPIRED)
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER)
                    .build(certificate.getPublicKey()));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private boolean chainsToAnchor(X509Certificate certificate, Store<X509CertificateHolder> bundled, Instant at) {
        if (anchors.isEmpty()) {
            return false;
        }
        if (anchors.contains(certificate)) {
            return true;
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(anchor -> trust.add(new TrustAnchor(anchor, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust, target);
            List<X509Certificate> intermediates = new ArrayList<>(anchors);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
            for (Object holder : bundled.getMatches(null)) {
                intermediates.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(intermediates), Bc.PROVIDER));
            // offline: no CRL or OCSP access from the service; revocation is out of scope
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathBuilder.getInstance("PKIX", Bc.PROVIDER).build(parameters);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    static String algorithm(SignerInformation signer, SubjectPublicKeyInfo key) {
        DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();
        String digest = names.getAlgorithmName(new ASN1ObjectIdentifier(signer.getDigestAlgOID()));
        String keyOid = key.getAlgorithm().getAlgorithm().getId();
        String family = switch (keyOid) {
            case GOST_256_KEY -> "ГОСТ Р 34.10-2012 (256 бит)";
            case GOST_512_KEY -> "ГОСТ Р 34.10-2012 (512 бит)";
            case RSA_KEY -> "RSA";
            case EC_KEY -> "ECDSA";
            default -> names.getAlgorithmName(key.getAlgorithm().getAlgorithm());
        };
        String digestName = switch (signer.getDigestAlgOID()) {
            case "1.2.643.7.1.1.2.2" -> "ГОСТ Р 34.11-2012 (256 бит)";
            case "1.2.643.7.1.1.2.3" -> "ГОСТ Р 34.11-2012 (512 бит)";
            default -> digest;
        };
        return family + ", хэш " + digestName;
    }

    private static String signerName(X500Name subject) {
        String surname = value(subject, BCStyle.SURNAME);
        String given = value(subject, BCStyle.GIVENNAME);
        if (surname != null) {
            return given == null ? surname : surname + " " + given;
        }
        return value(subject, BCStyle.CN);
    }

    static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0 || rdns[0].getFirst() == null) {
            return null;
        }
        var value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : value.toString();
    }

    private static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
