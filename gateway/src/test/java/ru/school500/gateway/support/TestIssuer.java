package ru.school500.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real RS256 tokens shaped like Keycloak's, the JWKS endpoint the gateway checks them against (the same
 * approach as the services' tests) and the discovery document the gateway reads at start. No Keycloak is
 * needed for what these tests look at; the browser login against the real one is in deploy/e2e.
 */
public final class TestIssuer implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer jwks;

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("gateway-it").generate();
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.createContext("/realms/school500/.well-known/openid-configuration", exchange -> {
            byte[] discovery = ("{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + base()
                    + "/auth\",\"token_endpoint\":\"" + base() + "/token\",\"jwks_uri\":\"" + jwksUri()
                    + "\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, discovery.length);
            exchange.getResponseBody().write(discovery);
            exchange.close();
        });
        jwks.start();
    }

    public String base() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort();
    }

    public String issuer() {
        return base() + "/realms/school500";
    }

    public String jwksUri() {
        return base() + "/jwks";
    }

    /** {@code Authorization} header value for a school user of region 43. */
    public String bearer(String username) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience("school500-api")
                .subject(UUID.randomUUID().toString()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30))))
                .claim("preferred_username", username).claim("region", "43").claim("school", "43-01-001")
                .claim("realm_access", Map.of("roles", List.of("school"))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
