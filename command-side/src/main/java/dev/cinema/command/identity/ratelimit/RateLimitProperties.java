package dev.cinema.command.identity.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on the auth endpoints, each as permits per sliding window (defaults in application.yml).
 *
 * @param requestsPerIp       any request to {@code /auth/**} from one client IP
 * @param failedLoginsPerIp   failed logins from one client IP (password guessing across accounts)
 * @param failedLoginsPerAccount failed logins for one e-mail, from anywhere (guessing one account's password)
 */
@ConfigurationProperties("cinema.rate-limit")
record RateLimitProperties(
        Limit requestsPerIp,
        Limit failedLoginsPerIp,
        Limit failedLoginsPerAccount) {

    record Limit(long permits, Duration window) {}
}
