package dev.cinema.command.identity.token;

import com.nimbusds.jose.JOSEException;
import dev.cinema.kit.security.CinemaSecurityProperties;
import dev.cinema.kit.security.TokenDenyList;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issues, rotates and revokes the platform's tokens. A login starts a session: a family of refresh tokens of
 * which only the newest works; presenting an older one means it was stolen or replayed, and the whole family
 * is revoked. Each session has one live access token: rotating or revoking it puts the previous one's
 * {@code jti} on the deny-list that every app checks.
 */
@Service
public class Tokens {

    static final String TYPE = "typ";
    static final String ROLES = "roles";
    static final String FAMILY = "fam";
    /** The session (family) an access token belongs to, so that logout can end the session too. */
    static final String SESSION = "sid";

    public record Issued(String accessToken, String refreshToken, Duration accessTtl, Duration refreshTtl) {}

    private record Minted(Issued issued, UUID accessJti, UUID refreshJti, Instant accessExpiresAt, Instant refreshExpiresAt) {}

    private record Session(UUID userId, UUID refreshJti, UUID accessJti, Instant accessExpiresAt, boolean revoked) {}

    private final SigningKey key;
    private final TokenProperties properties;
    private final String issuer;
    private final JdbcClient jdbc;
    private final TokenDenyList denyList;

    Tokens(SigningKey key, TokenProperties properties, CinemaSecurityProperties security, JdbcClient jdbc,
           TokenDenyList denyList) {
        this.key = key;
        this.properties = properties;
        this.issuer = security.issuer();
        this.jdbc = jdbc;
        this.denyList = denyList;
    }

    @Transactional
    public Issued startSession(UUID userId, List<String> roles) {
        UUID family = UUID.randomUUID();
        Minted minted = mint(userId, family, roles);
        jdbc.sql("""
                        INSERT INTO identity_session (family_id, user_id, refresh_jti, access_jti, access_expires_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(family, userId, minted.refreshJti(), minted.accessJti(), utc(minted.accessExpiresAt()),
                        utc(minted.refreshExpiresAt()))
                .update();
        return minted.issued();
    }

    /**
     * Trades a refresh token for a new pair.
     *
     * @param rolesOfActiveUser the user's current roles, empty when the user may no longer log in
     */
    @Transactional(noRollbackFor = ResponseStatusException.class)
    public Issued rotate(String refreshToken, Function<UUID, Optional<List<String>>> rolesOfActiveUser) {
        Claims claims = parseRefreshToken(refreshToken);
        UUID family = UUID.fromString(claims.get(FAMILY, String.class));
        UUID presented = UUID.fromString(claims.getId());
        // Locked: of two concurrent rotations of the same token, the second sees it used and revokes the family.
        Session session = jdbc.sql("""
                        SELECT user_id, refresh_jti, access_jti, access_expires_at, revoked_at IS NOT NULL AS revoked
                        FROM identity_session WHERE family_id = ? FOR UPDATE""")
                .param(family)
                .query((row, i) -> new Session(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class), row.getObject(4, OffsetDateTime.class).toInstant(), row.getBoolean(5)))
                .optional()
                .orElseThrow(Tokens::rejected);
        if (session.revoked()) {
            throw rejected();
        }
        Optional<List<String>> roles = rolesOfActiveUser.apply(session.userId());
        if (!presented.equals(session.refreshJti()) || roles.isEmpty()) {
            revokeSessions("family_id = ?", family);
            throw rejected();
        }
        Minted minted = mint(session.userId(), family, roles.get());
        jdbc.sql("""
                        UPDATE identity_session SET refresh_jti = ?, access_jti = ?, access_expires_at = ?, expires_at = ?
                        WHERE family_id = ?""")
                .params(minted.refreshJti(), minted.accessJti(), utc(minted.accessExpiresAt()),
                        utc(minted.refreshExpiresAt()), family)
                .update();
        denyList.deny(session.accessJti().toString(), session.accessExpiresAt());
        return minted.issued();
    }

    /** Ends the session the access token belongs to, and the token itself. */
    @Transactional
    public void logout(Jwt accessToken) {
        denyList.deny(accessToken.getId(), accessToken.getExpiresAt());
        String family = accessToken.getClaimAsString(SESSION);
        if (family != null) {
            revokeSessions("family_id = ?", UUID.fromString(family));
        }
    }

    /** Ends every session of the user (logout everywhere, deactivation). */
    @Transactional
    public void logoutEverywhere(UUID userId) {
        revokeSessions("user_id = ?", userId);
    }

    /** Ends every session of the user but the one the access token belongs to (after a password change). */
    @Transactional
    public void logoutOtherSessions(Jwt accessToken) {
        String current = accessToken.getClaimAsString(SESSION);
        revokeSessions("user_id = ? AND family_id IS DISTINCT FROM ?",
                UUID.fromString(accessToken.getSubject()), current == null ? null : UUID.fromString(current));
    }

    /** Revokes the live sessions that match {@code condition} and denies their current access tokens. */
    private void revokeSessions(String condition, Object... params) {
        record LiveAccessToken(String jti, Instant expiresAt) {}
        jdbc.sql("UPDATE identity_session SET revoked_at = now() WHERE " + condition + " AND revoked_at IS NULL"
                        + " RETURNING access_jti, access_expires_at")
                .params(params)
                .query((row, i) -> new LiveAccessToken(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()))
                .list()
                .forEach(token -> denyList.deny(token.jti(), token.expiresAt()));
    }

    private Claims parseRefreshToken(String token) {
        try {
            return Jwts.parser()
                    .verifyWith(key.publicKey())
                    .requireIssuer(issuer)
                    .require(TYPE, "refresh")
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (JwtException | IllegalArgumentException | JOSEException e) {
            throw rejected();
        }
    }

    private Minted mint(UUID userId, UUID family, List<String> roles) {
        Instant now = Instant.now();
        UUID accessJti = UUID.randomUUID();
        UUID refreshJti = UUID.randomUUID();
        Instant accessExpiresAt = now.plus(properties.accessTokenTtl());
        Instant refreshExpiresAt = now.plus(properties.refreshTokenTtl());
        try {
            String access = Jwts.builder()
                    .header().keyId(key.keyId()).and()
                    .issuer(issuer).subject(userId.toString()).id(accessJti.toString())
                    .issuedAt(Date.from(now)).expiration(Date.from(accessExpiresAt))
                    .claim(TYPE, "access").claim(ROLES, roles).claim(SESSION, family.toString())
                    .signWith(key.privateKey(), Jwts.SIG.RS256)
                    .compact();
            String refresh = Jwts.builder()
                    .header().keyId(key.keyId()).and()
                    .issuer(issuer).subject(userId.toString()).id(refreshJti.toString())
                    .issuedAt(Date.from(now)).expiration(Date.from(refreshExpiresAt))
                    .claim(TYPE, "refresh").claim(FAMILY, family.toString())
                    .signWith(key.privateKey(), Jwts.SIG.RS256)
                    .compact();
            return new Minted(new Issued(access, refresh, properties.accessTokenTtl(), properties.refreshTokenTtl()),
                    accessJti, refreshJti, accessExpiresAt, refreshExpiresAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key is unusable", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ResponseStatusException rejected() {
        return new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The refresh token is invalid, expired or revoked");
    }
}
