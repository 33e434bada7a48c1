package ru.school500.documentservice.signature;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code platform.signature.*}: the trust store for order signatures, as files or directories of PEM or DER
 * certificates of trusted root (and optionally intermediate) CAs.
 */
@Validated
@ConfigurationProperties("platform.signature")
public record SignatureProperties(List<String> trustAnchors) {

    public SignatureProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }
}
