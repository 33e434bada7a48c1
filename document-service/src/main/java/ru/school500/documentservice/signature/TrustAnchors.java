package ru.school500.documentservice.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The configured trusted certificates, read once at start-up from {@code platform.signature.trust-anchors}. */
@Component
public class TrustAnchors {

    private final List<X509Certificate> certificates;

    @Autowired
    TrustAnchors(SignatureProperties properties) {
        this(load(properties.trustAnchors()));
    }

    TrustAnchors(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    static List<X509Certificate> load(List<String> locations) {
        List<X509Certificate> loaded = new ArrayList<>();
        for (String location : locations) {
            Path path = Path.of(location);
            try {
                List<Path> files;
                if (Files.isDirectory(path)) {
                    try (Stream<Path> listing = Files.list(path)) {
                        files = listing.filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    files = List.of(path);
                }
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        CertificateFactory factory = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
                        factory.generateCertificates(in).forEach(c -> loaded.add((X509Certificate) c));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read trust anchor " + location, e);
            } catch (CertificateException e) {
                throw new IllegalStateException("not a certificate: " + location, e);
            }
        }
        return loaded;
    }
}
