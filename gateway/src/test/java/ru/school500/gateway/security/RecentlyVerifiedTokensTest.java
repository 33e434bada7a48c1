package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RecentlyVerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final CountingDecoder keycloak = new CountingDecoder(clock);
    private final RecentlyVerifiedTokens tokens = new RecentlyVerifiedTokens(keycloak, Duration.ofMinutes(5), 100,
            clock);

    @Test
    void theSameTokenAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("header.claims.signature").block();
        Jwt second = tokens.decode("header.claims.signature").block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("kir-school1");
        assertThat(keycloak.verified).containsExactly("header.claims.signature");
    }

    @Test
    void anyOtherStringIsVerified() {
        tokens.decode("header.claims.signature").block();
        tokens.decode("header.claims.signaturf").block();

        assertThat(keycloak.verified).containsExactly("header.claims.signature", "header.claims.signaturf");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        keycloak.refuse = true;

        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        assertThat(keycloak.verified).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsTimeIsUp() {
        tokens.decode("header.claims.signature").block();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        tokens.decode("header.claims.signature").block();
        assertThat(keycloak.verified).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        tokens.decode("header.claims.signature").block();
        assertThat(keycloak.verified).hasSize(2);
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() {
        keycloak.lifetime = Duration.ofSeconds(30);
        tokens.decode("header.claims.signature").block();
        clock.advance(Duration.ofSeconds(29));
        tokens.decode("header.claims.signature").block();
        assertThat(keycloak.verified).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        keycloak.refuse = true;
        StepVerifier.create(tokens.decode("header.claims.signature")).expectError(BadJwtException.class).verify();
        assertThat(keycloak.verified).hasSize(2);
    }

    /** Stands in for Keycloak's signature and claims check: records what it was asked to verify. */
    private static final class CountingDecoder implements ReactiveJwtDecoder {

        final List<String> verified = new ArrayList<>();
        final Clock clock;
        Duration lifetime = Duration.ofMinutes(10);
        boolean refuse;

        CountingDecoder(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            verified.add(token);
            if (refuse) {
                return Mono.error(new BadJwtException("refused"));
            }
            Instant now = clock.instant();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("kir-school1").issuedAt(now)
                    .expiresAt(now.plus(lifetime)).build());
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
