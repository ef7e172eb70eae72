package dev.cinema.kit.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * For the tests of an app that only verifies tokens: its decoder checks signatures against {@link #FORGE}'s key
 * instead of fetching command-side's JWKS, and keeps the kit's validation (issuer, expiry, type, deny-list), so
 * tests can send real signed tokens, genuine or forged, without a running auth side.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokenKeys {

    public static final TokenForge FORGE = TokenForge.withNewKey();

    @Bean
    JwtDecoder jwtDecoder(OAuth2TokenValidator<Jwt> cinemaAccessTokenValidator) {
        return FORGE.decoder(cinemaAccessTokenValidator);
    }
}
