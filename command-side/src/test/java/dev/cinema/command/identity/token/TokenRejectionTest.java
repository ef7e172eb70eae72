package dev.cinema.command.identity.token;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.OtherServiceDecoder;
import dev.cinema.command.TestUsers;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every way a token can be forged or stale is refused, here and by the service kit as other apps use it. */
@CommandSideTest
class TokenRejectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SigningKey signingKey;

    @LocalServerPort
    int port;

    /** The control: minted like the real thing, so the refusals below are about the one thing changed. */
    @Test
    void aTokenMintedWithTheRealKeyIsAccepted() throws Exception {
        String token = mint(signingKey.privateKey(), signingKey.keyId(), "cinema-auth", "access", Instant.now());
        mvc.perform(get("/auth/api/v1/roles").with(TestUsers.bearer(token))).andExpect(status().isOk());
        assertThatCode(() -> OtherServiceDecoder.forJwksAt(port).decode(token)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alg-none", "tampered-signature", "expired", "other-key", "refresh-type", "other-issuer"})
    void forgedOrStaleTokensAreRefused(String kind) throws Exception {
        String token = switch (kind) {
            case "alg-none" -> unsigned(valid());
            case "tampered-signature" -> tampered(valid());
            case "expired" -> mint(signingKey.privateKey(), signingKey.keyId(), "cinema-auth", "access",
                    Instant.now().minus(Duration.ofHours(1)));
            case "other-key" -> {
                RSAKey other = new RSAKeyGenerator(2048).keyID(signingKey.keyId()).generate();
                yield mint(other.toPrivateKey(), signingKey.keyId(), "cinema-auth", "access", Instant.now());
            }
            case "refresh-type" -> mint(signingKey.privateKey(), signingKey.keyId(), "cinema-auth", "refresh", Instant.now());
            case "other-issuer" -> mint(signingKey.privateKey(), signingKey.keyId(), "someone-else", "access", Instant.now());
            default -> throw new IllegalArgumentException(kind);
        };

        mvc.perform(get("/auth/api/v1/roles").with(TestUsers.bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(401));
        assertThatThrownBy(() -> OtherServiceDecoder.forJwksAt(port).decode(token)).isInstanceOf(Exception.class);
    }

    private String valid() throws Exception {
        return mint(signingKey.privateKey(), signingKey.keyId(), "cinema-auth", "access", Instant.now());
    }

    /** An admin token for a made-up user, valid for 15 minutes from {@code issuedAt}. */
    private static String mint(PrivateKey key, String keyId, String issuer, String type, Instant issuedAt) {
        return Jwts.builder()
                .header().keyId(keyId).and()
                .issuer(issuer).subject(UUID.randomUUID().toString()).id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issuedAt)).expiration(Date.from(issuedAt.plus(Duration.ofMinutes(15))))
                .claim("typ", type).claim("roles", List.of("admin"))
                .signWith(key, Jwts.SIG.RS256)
                .compact();
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
