package dev.cinema.command.identity.ratelimit;

import java.time.Duration;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
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

    RRateLimiter limiter(String name, String key, RateLimitProperties.Limit limit) {
        RRateLimiter limiter = redisson.getRateLimiter("cinema:rate-limit:" + name + ":" + key);
        // Sets the rate only for a new limiter; its keys expire a window after their last use.
        limiter.trySetRate(RateType.OVERALL, limit.permits(), limit.window(), limit.window());
        return limiter;
    }

    /**
     * Redisson does not tell when the next permit frees up; the window is the longest a client may have to wait,
     * so Retry-After never invites a retry that is refused again.
     */
    static TooManyRequestsException tooMany(String what, RateLimitProperties.Limit limit) {
        return new TooManyRequestsException("Too many " + what + "; try again later", limit.window());
    }

}
