package ru.school500.documentservice.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Reads a detached CMS/PKCS#7 signature file as DER, PEM ({@code -----BEGIN PKCS7-----}, CMS) or bare Base64. */
public final class SignatureFiles {

    private SignatureFiles() {
    }

    /** Whether these bytes are a CMS SignedData structure in one of the accepted encodings. */
    public static boolean isSignature(byte[] file) {
        return toDer(file) != null;
    }

    /** The DER encoding of the SignedData ContentInfo, or null when the bytes are not a signature. */
    public static byte[] toDer(byte[] file) {
        if (file == null || file.length == 0) {
            return null;
        }
        if (file[0] == 0x30 && isSignedData(file)) {
            return file;
        }
        String text = new String(file, StandardCharsets.US_ASCII).strip();
        if (text.startsWith("-----BEGIN")) {
            try (PemReader reader = new PemReader(new InputStreamReader(new ByteArrayInputStream(file),
                    StandardCharsets.US_ASCII))) {
                PemObject pem = reader.readPemObject();
                if (pem != null && isSignedData(pem.getContent())) {
                    return pem.getContent();
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return null;
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(text.replaceAll("\\s+", ""));
            return decoded.length > 0 && decoded[0] == 0x30 && isSignedData(decoded) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isSignedData(byte[] der) {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive primitive = in.readObject();
            if (primitive == null || in.readObject() != null) {
                return false;
            }
            ContentInfo info = ContentInfo.getInstance(primitive);
            if (!org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                return false;
            }
            SignedData.getInstance(info.getContent());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
