package dev.cinema.kit.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an app verifies the platform's access tokens.
 *
 * @param issuer  the {@code iss} every token must carry (the auth side signs with the same value)
 * @param jwksUri where the auth side publishes its public keys; apps other than the signer set it
 */
@ConfigurationProperties("cinema.security")
public record CinemaSecurityProperties(@DefaultValue("cinema-auth") String issuer, URI jwksUri) {}
