package ru.school500.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;

/**
 * Remembers the bearer tokens the decoder accepted, for at most {@code ttl} and never past their own expiry, so a
 * client's next calls with the same token skip the RS256 check and the claims parsing: in the gateway's profile at
 * 285 requests/s these were an eighth of its CPU per proxied request (README «Производительность»).
 * <p>
 * The key is the whole token, signature included, so only the exact string verified before is a hit; any other
 * string, and every token refused, goes to the decoder. The cost: a token signed by a key Keycloak withdraws stays
 * accepted for up to {@code ttl}.
 */
public final class RecentlyVerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    RecentlyVerifiedTokens(ReactiveJwtDecoder decoder, Duration ttl, long maxTokens, Clock clock) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(untilExpiry(ttl, clock))
                .ticker(() -> clock.millis() * 1_000_000).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private static Expiry<String, Jwt> untilExpiry(Duration ttl, Clock clock) {
        return Expiry.creating((token, jwt) -> {
            Instant expires = jwt.getExpiresAt();
            Duration left = expires == null ? ttl : Duration.between(clock.instant(), expires);
            if (left.isNegative()) {
                return Duration.ZERO;
            }
            return left.compareTo(ttl) < 0 ? left : ttl;
        });
    }
}
