package dev.cinema.command.identity.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cinema.kit.security.CinemaResourceServer;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Tokens go to the client twice: in the JSON body (API clients) and as HttpOnly cookies (browsers). */
@Component
public class TokenResponses {

    public static final String REFRESH_TOKEN_COOKIE = "refresh_token";
    /** The refresh cookie is sent only where it is used (refresh, logout), never to the content APIs. */
    static final String REFRESH_COOKIE_PATH = "/auth/api/v1/users";

    public record TokenBody(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    private final boolean secure;

    TokenResponses(TokenProperties properties) {
        this.secure = properties.cookieSecure();
    }

    public ResponseEntity<TokenBody> ok(Tokens.Issued issued) {
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(CinemaResourceServer.ACCESS_TOKEN_COOKIE, issued.accessToken(), "/", issued.accessTtl()))
                .header(HttpHeaders.SET_COOKIE, cookie(REFRESH_TOKEN_COOKIE, issued.refreshToken(), REFRESH_COOKIE_PATH, issued.refreshTtl()))
                .body(new TokenBody(issued.accessToken(), issued.refreshToken(), "Bearer", issued.accessTtl().toSeconds()));
    }

    /** Expires both cookies in the browser. */
    public ResponseEntity<Void> loggedOut() {
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie(CinemaResourceServer.ACCESS_TOKEN_COOKIE, "", "/", Duration.ZERO))
                .header(HttpHeaders.SET_COOKIE, cookie(REFRESH_TOKEN_COOKIE, "", REFRESH_COOKIE_PATH, Duration.ZERO))
                .build();
    }

    private String cookie(String name, String value, String path, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true).secure(secure).sameSite("Strict").path(path).maxAge(maxAge)
                .build().toString();
    }
}
