package dev.cinema.kit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Verification of the platform's access tokens, in every app that has the OAuth2 resource server starter
 * (and Redisson, for the deny-list). Tokens are RS256 JWTs from the auth side (command-side): issuer,
 * expiry, {@code typ=access} and the deny-list are checked; the {@code roles} claim becomes
 * {@code ROLE_<name>} authorities. Each app still owns its {@code SecurityFilterChain} (see {@link CinemaResourceServer}).
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class, after = JacksonAutoConfiguration.class,
        afterName = "org.redisson.spring.starter.RedissonAutoConfigurationV2")
@ConditionalOnClass({BearerTokenAuthenticationFilter.class, JwtDecoder.class, RedissonClient.class})
@EnableConfigurationProperties(CinemaSecurityProperties.class)
public class CinemaSecurityAutoConfiguration {

    public static final String ROLES_CLAIM = "roles";
    public static final String TYPE_CLAIM = "typ";

    @Bean
    @ConditionalOnMissingBean
    TokenDenyList tokenDenyList(RedissonClient redisson) {
        return new TokenDenyList(redisson);
    }

    /** Everything a token must pass besides its signature; an app that decodes with its own key reuses it. */
    @Bean
    OAuth2TokenValidator<Jwt> cinemaAccessTokenValidator(CinemaSecurityProperties properties, TokenDenyList denyList) {
        OAuth2TokenValidator<Jwt> notDenied = jwt -> jwt.getId() != null && !denyList.isDenied(jwt.getId())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                // A refresh token is signed by the same key: without this it would open every API for 30 days.
                new JwtClaimValidator<String>(TYPE_CLAIM, "access"::equals),
                notDenied));
    }

    /**
     * Keys from the auth side's JWKS. Nimbus caches the set (5 minutes) and refetches early when a token
     * names an unknown key id, so a key rotation is picked up without a restart.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("cinema.security.jwks-uri")
    JwtDecoder jwtDecoder(CinemaSecurityProperties properties, OAuth2TokenValidator<Jwt> cinemaAccessTokenValidator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(cinemaAccessTokenValidator);
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    CinemaResourceServer cinemaResourceServer(JwtAuthenticationConverter jwtAuthenticationConverter, ObjectMapper json) {
        return new CinemaResourceServer(jwtAuthenticationConverter, new ProblemResponses(json));
    }
}
