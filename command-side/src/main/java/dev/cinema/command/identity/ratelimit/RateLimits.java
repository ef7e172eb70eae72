package dev.cinema.command.identity.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Redisson rate limiters, shared by every instance through Redis. */
@Component
class RateLimits {

    /** 429 with Retry-After; rendered as a problem by the service kit's advice like every other error. */
    static class TooManyRequestsException extends ErrorResponseException {
        private final HttpHeaders headers = new HttpHeaders();

        TooManyRequestsException(String detail, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail), null);
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }

    private final RedissonClient redisson;

    RateLimits(RedissonClient redisson) {
        this.redisson = redisson;
    }

    Limiter limiter(String name, String key, RateLimitProperties.Limit limit) {
        Limiter limiter = new Limiter(redisson.getRateLimiter("cinema:rate-limit:" + name + ":" + key), limit);
        limiter.setRate();
        return limiter;
    }

    /**
     * A Redisson limiter whose settings may expire between setting and use (its keys expire a window after their
     * last use): Redisson then fails with "RateLimiter is not initialized", and the call sets them again and
     * retries once.
     */
    static final class Limiter {
        private final RRateLimiter limiter;
        private final RateLimitProperties.Limit limit;

        private Limiter(RRateLimiter limiter, RateLimitProperties.Limit limit) {
            this.limiter = limiter;
            this.limit = limit;
        }

        boolean tryAcquire() {
            return initialized(limiter::tryAcquire);
        }

        long availablePermits() {
            return initialized(limiter::availablePermits);
        }

        /** The Redis key of the limiter's settings. */
        String name() {
            return limiter.getName();
        }

        private void setRate() {
            // Sets the rate only for a new limiter.
            limiter.trySetRate(RateType.OVERALL, limit.permits(), limit.window(), limit.window());
        }

        private <T> T initialized(Supplier<T> call) {
            try {
                return call.get();
            } catch (RedisException e) {
                if (e.getMessage() == null || !e.getMessage().contains("RateLimiter is not initialized")) {
                    throw e;
                }
                setRate();
                return call.get();
            }
        }
    }

    /**
     * Redisson does not tell when the next permit frees up; the window is the longest a client may have to wait,
     * so Retry-After never invites a retry that is refused again.
     */
    static TooManyRequestsException tooMany(String what, RateLimitProperties.Limit limit) {
        return new TooManyRequestsException("Too many " + what + "; try again later", limit.window());
    }

}
