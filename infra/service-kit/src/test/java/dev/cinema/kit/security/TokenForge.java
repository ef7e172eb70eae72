package dev.cinema.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens shaped like the auth side's (RS256, {@code iss}, {@code sub}, {@code jti}, {@code typ}, {@code roles},
 * 15 minutes), genuine or forged in one way each, for the token tests of every app. Either with the auth side's
 * own key (command-side) or with a key made for the test, whose {@link #decoder} then stands in for the JWKS
 * while keeping the kit's real validation (issuer, expiry, type, deny-list).
 */
public final class TokenForge {

    /** One thing wrong per kind; each must be refused with 401 by every app. */
    public enum Forgery {
        ALG_NONE, TAMPERED_CLAIMS, EXPIRED, SIGNED_BY_ANOTHER_KEY, ANOTHER_ISSUER, REFRESH_AS_ACCESS, NOT_A_JWT
    }

    public static final String ISSUER = "cinema-auth";

    private final PrivateKey signingKey;
    private final String keyId;
    private final RSAPublicKey publicKey;

    public TokenForge(PrivateKey signingKey, String keyId) {
        this(signingKey, keyId, null);
    }

    private TokenForge(PrivateKey signingKey, String keyId, RSAPublicKey publicKey) {
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /** A forge with a key pair of its own (for apps that only verify tokens). */
    public static TokenForge withNewKey() {
        RSAKey key = newKey("test-" + UUID.randomUUID());
        try {
            return new TokenForge(key.toPrivateKey(), key.getKeyID(), key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies with this forge's public key and the app's validator, as the JWKS-backed decoder would. */
    public JwtDecoder decoder(OAuth2TokenValidator<Jwt> validator) {
        if (publicKey == null) {
            throw new IllegalStateException("a forge made with the auth side's key verifies through its JWKS");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** A genuine access token. */
    public String access(String subject, String... roles) {
        return sign(signingKey, claims(subject, List.of(roles), ISSUER, "access", Instant.now()));
    }

    /** The token's {@code jti} and expiry, as logout puts them on the deny-list. */
    public static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String forge(Forgery forgery, String subject, String... roles) {
        List<String> roleList = List.of(roles);
        return switch (forgery) {
            case ALG_NONE -> unsigned(access(subject, roles));
            case TAMPERED_CLAIMS -> tampered(access(subject, roles));
            case EXPIRED -> sign(signingKey, claims(subject, roleList, ISSUER, "access", Instant.now().minus(Duration.ofHours(1))));
            case SIGNED_BY_ANOTHER_KEY -> {
                try {
                    yield sign(newKey(keyId).toPrivateKey(), claims(subject, roleList, ISSUER, "access", Instant.now()));
                } catch (JOSEException e) {
                    throw new IllegalStateException(e);
                }
            }
            case ANOTHER_ISSUER -> sign(signingKey, claims(subject, roleList, "someone-else", "access", Instant.now()));
            case REFRESH_AS_ACCESS -> sign(signingKey, claims(subject, roleList, ISSUER, "refresh", Instant.now()));
            case NOT_A_JWT -> "not-a-token";
        };
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, String issuer, String type, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(15))))
                .claim("typ", type).claim("roles", roles)
                .build();
    }

    private String sign(PrivateKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** Claims changed after signing (another subject), signature kept. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
