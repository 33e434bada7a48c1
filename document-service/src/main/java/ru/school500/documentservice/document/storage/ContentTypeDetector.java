package ru.school500.documentservice.document.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.springframework.stereotype.Component;

import ru.school500.documentservice.signature.SignatureFiles;

/**
 * Detects a file's type from its first bytes (Tika magic and container detection; the client's file
 * name only refines a type the bytes already suggest) and holds the allow-list. Detached CMS signatures
 * (DER, PEM or Base64) are recognised by parsing them with BouncyCastle.
 */
@Component
public class ContentTypeDetector {

    public static final String SIGNATURE_TYPE = "application/pkcs7-signature";

    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "text/plain",
            "image/jpeg",
            "image/png",
            SIGNATURE_TYPE);

    private final Detector detector;
    private final MediaTypeRegistry registry;

    ContentTypeDetector() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.registry = config.getMediaTypeRegistry();
    }

    /**
     * @param head the first bytes of the file
     * @param complete whether {@code head} is the whole file
     */
    public String detect(byte[] head, String fileName, boolean complete) {
        if (complete && SignatureFiles.isSignature(head)) {
            return SIGNATURE_TYPE;
        }
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = complete ? TikaInputStream.get(head)
                : new BufferedInputStream(new ByteArrayInputStream(head))) {
            MediaType type = detector.detect(in, metadata);
            return registry.normalize(type.getBaseType()).toString();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM.toString();
        }
    }

    public boolean isAllowed(String contentType) {
        return ALLOWED.contains(contentType);
    }
}
