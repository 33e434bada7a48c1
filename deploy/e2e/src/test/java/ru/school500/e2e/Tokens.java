package ru.school500.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Tokens a forger could make: unsigned, self-signed, or a real token with its claims changed. */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static String unsigned(String claimsJson) {
        return encode("{\"alg\":\"none\"}") + "." + encode(claimsJson) + ".";
    }

    static String selfSigned(String claimsJson) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}") + "." + encode(claimsJson);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(rsa.sign());
    }

    /** Keeps Keycloak's header and signature but claims another region: the signature no longer matches. */
    static String withTamperedClaims(String realToken, String fromRegion, String toRegion) {
        String[] parts = realToken.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"region\":\"" + fromRegion + "\"", "\"region\":\"" + toRegion + "\"");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    static String plausibleClaims(String issuer) {
        long now = Instant.now().getEpochSecond();
        return """
                {"iss":"%s","aud":"school500-api","sub":"forged","exp":%d,"iat":%d,"preferred_username":"forger",
                 "region":"43","realm_access":{"roles":["federal-analyst","regional-operator"]}}"""
                .formatted(issuer, now + 600, now);
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
