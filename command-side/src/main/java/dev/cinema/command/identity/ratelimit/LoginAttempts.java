package dev.cinema.command.identity.ratelimit;

import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Failed logins, counted per client IP and per account. Once either is used up, further attempts are refused
 * with 429 before the password is even checked, so guessing stops until the window has moved on.
 */
@Service
public class LoginAttempts {

    private final RateLimits limits;
    private final RateLimitProperties properties;

    LoginAttempts(RateLimits limits, RateLimitProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    public void checkAllowed(String ip, String email) {
        if (limits.limiter("failed-login-ip", ip, properties.failedLoginsPerIp()).availablePermits() <= 0) {
            throw RateLimits.tooMany("failed logins from this address", properties.failedLoginsPerIp());
        }
        if (limits.limiter("failed-login-account", account(email), properties.failedLoginsPerAccount()).availablePermits() <= 0) {
            throw RateLimits.tooMany("failed logins for this account", properties.failedLoginsPerAccount());
        }
    }

    public void failed(String ip, String email) {
        limits.limiter("failed-login-ip", ip, properties.failedLoginsPerIp()).tryAcquire();
        limits.limiter("failed-login-account", account(email), properties.failedLoginsPerAccount()).tryAcquire();
    }

    private static String account(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
