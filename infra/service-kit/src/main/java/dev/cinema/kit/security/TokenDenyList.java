package dev.cinema.kit.security;

import java.time.Duration;
import java.time.Instant;
import org.redisson.api.RedissonClient;

/**
 * Revoked access tokens, by {@code jti}, in Redis: the auth side adds to it on logout, every app checks it.
 * An entry lives only until the token would have expired anyway, so the list stays small.
 */
public class TokenDenyList {

    private static final String PREFIX = "cinema:auth:denied-jti:";

    private final RedissonClient redisson;

    public TokenDenyList(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public void deny(String jti, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        if (!left.isNegative() && !left.isZero()) {
            redisson.getBucket(PREFIX + jti).set(Boolean.TRUE, left);
        }
    }

    public boolean isDenied(String jti) {
        return redisson.getBucket(PREFIX + jti).isExists();
    }
}
