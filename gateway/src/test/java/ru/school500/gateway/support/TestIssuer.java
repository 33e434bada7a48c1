package ru.school500.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    private final Queue<Map<String, String>> tokenRequests = new ConcurrentLinkedQueue<>();

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
        // refuses every code (invalid_grant) after noting what the gateway sent: enough to see which login
        // the gateway was completing, without pretending to be Keycloak
        jwks.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : form.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            tokenRequests.add(fields);
            byte[] refusal = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, refusal.length);
            exchange.getResponseBody().write(refusal);
            exchange.close();
        });
        jwks.start();
    }

    /** The form of each code exchange the gateways sent to the token endpoint, oldest first. */
    public Queue<Map<String, String>> tokenRequests() {
        return tokenRequests;
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
