package dev.cinema.command.identity.token;

import com.nimbusds.jose.JOSEException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The signer verifies with its own public key instead of fetching its own JWKS over HTTP; issuer, type and
 * deny-list checks are the service kit's, the same as in every other app.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfig {

    @Bean
    JwtDecoder jwtDecoder(SigningKey signingKey, OAuth2TokenValidator<Jwt> cinemaAccessTokenValidator)
            throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signingKey.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(cinemaAccessTokenValidator);
        return decoder;
    }
}
