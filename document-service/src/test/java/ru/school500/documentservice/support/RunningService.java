package ru.school500.documentservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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

import ru.school500.documentservice.DocumentServiceApplication;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.signature.TestPki;
import ru.school500.stack.S3Server;

/**
 * The whole service on a real Tomcat (random port) for tests that must see what a client sees: container
 * errors, real RS256 tokens checked against a JWKS endpoint served here, and S3 reached through an
 * {@link S3Relay} that can drop idle connections as S3 does. Started once per
 * test JVM (outside the Spring test context cache, which jqwik properties cannot use) on the same
 * PostgreSQL and S3Proxy as the other integration tests.
 */
public final class RunningService {

    /** The service closes pooled S3 connections idle this long (short here, so a test can watch it). */
    public static final Duration S3_KEEP_ALIVE = Duration.ofSeconds(2);
    /** The service gives up on a request body that stalls this long. */
    public static final Duration CLIENT_READ_TIMEOUT = Duration.ofSeconds(3);
    private static final String AUDIENCE = "school500-api";

    private static RunningService instance;

    private final HttpServer jwks;
    private final RSAKey key;
    private final String issuer;
    private final S3Relay s3;
    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningService() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("running-service").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/test";
        URI s3Endpoint = URI.create(TestServers.s3().endpoint());
        s3 = new S3Relay(new InetSocketAddress(s3Endpoint.getHost(), s3Endpoint.getPort()));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", TestServers.jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("platform.storage.endpoint", s3.endpoint());
        properties.put("platform.storage.access-key", S3Server.ACCESS_KEY);
        properties.put("platform.storage.secret-key", S3Server.SECRET_KEY);
        properties.put("platform.storage.max-file-size", IntegrationTest.MAX_FILE_SIZE + "B");
        properties.put("platform.storage.part-size", "5MB");
        properties.put("platform.storage.idle-connection-timeout", S3_KEEP_ALIVE.toMillis() + "ms");
        properties.put("platform.extraction.enabled", false);
        // a client that stops sending is cut off after this long (short here, so SlowClientIT stays quick);
        // idle keep-alive connections keep the default
        properties.put("server.tomcat.connection-timeout", CLIENT_READ_TIMEOUT.toMillis() + "ms");
        properties.put("server.tomcat.keep-alive-timeout", "60s");
        properties.put("platform.signature.trust-anchors", TestPki.trustStoreFile().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        properties.put("logging.structured.format.console", "");
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        context = new SpringApplication(DocumentServiceApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static synchronized RunningService get() {
        if (instance == null) {
            try {
                instance = new RunningService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    public int port() {
        return port;
    }

    public S3Relay s3() {
        return s3;
    }

    /** A bearer token for a test user of {@link Users}, signed by the key the service trusts. */
    public String bearer(Users.TestUser user) {
        Map<String, Object> claims = user.claims();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE)
                .subject(UUID.randomUUID().toString()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30))));
        claims.forEach((name, value) -> {
            if (!name.equals("aud") && !name.equals("sub")) {
                builder.claim(name, value);
            }
        });
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    private void stop() {
        context.close();
        s3.close();
        jwks.stop(0);
    }
}
