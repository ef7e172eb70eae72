package dev.cinema.command.identity.token;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the auth side signs tokens.
 *
 * @param signingJwk     the RS256 key pair as a JWK JSON document (from a secret store); when absent, the pair
 *                       is read from, or generated at first start into, {@code keyDir}
 * @param keyDir         where a generated key pair lives (the git-ignored data folder)
 * @param cookieSecure   whether token cookies are marked Secure (true behind HTTPS)
 */
@ConfigurationProperties("cinema.security")
public record TokenProperties(
        String signingJwk,
        Path keyDir,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("false") boolean cookieSecure) {}
