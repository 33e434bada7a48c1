package ru.school500.gateway.routing;

/** A classic token bucket; synchronized because one caller's requests may arrive on several threads. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;
    private volatile long lastUsed;

    TokenBucket(int capacity, int perSecond, long now) {
        this.capacity = capacity;
        this.tokensPerNano = perSecond / 1_000_000_000.0;
        this.tokens = capacity;
        this.lastRefill = now;
        this.lastUsed = now;
    }

    /** Takes one token; returns 0 when allowed, otherwise the nanoseconds until a token is back. */
    synchronized long tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        lastUsed = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    long lastUsed() {
        return lastUsed;
    }
}
