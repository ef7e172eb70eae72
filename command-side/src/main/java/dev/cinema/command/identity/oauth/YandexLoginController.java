package dev.cinema.command.identity.oauth;

import dev.cinema.command.identity.IdentityProblems;
import dev.cinema.command.identity.token.TokenResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.redisson.api.RedissonClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Login with Yandex ID (authorization code flow). The {@code state} is single-use, kept in Redis for a few
 * minutes and bound to the browser by a cookie, so that nobody can make a victim's browser log in as the attacker.
 */
@RestController
@RequestMapping("/auth/api/v1/oauth/yandex")
@Tag(name = "OAuth", description = "Login with Yandex ID")
class YandexLoginController {

    static final String STATE_COOKIE = "oauth_state";
    private static final String STATE_KEY = "cinema:oauth:yandex:state:";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A path on this site: one leading slash (not "//host"), no backslash, no control characters. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\p{Cntrl}]{0,500}");

    private final YandexClient yandex;
    private final YandexSignIn signIn;
    private final TokenResponses responses;
    private final RedissonClient redisson;
    private final Duration stateTtl;

    YandexLoginController(YandexClient yandex, YandexSignIn signIn, TokenResponses responses, RedissonClient redisson,
                          YandexProperties properties) {
        this.yandex = yandex;
        this.signIn = signIn;
        this.responses = responses;
        this.redisson = redisson;
        this.stateTtl = properties.stateTtl();
    }

    @GetMapping("/authorize-url")
    @Operation(summary = "Redirect to Yandex's consent page", description = "Yandex then calls back with code and "
            + "state; with return_to (a path on this site, e.g. /admin/) the callback sets the token cookies and "
            + "redirects there instead of answering with the tokens")
    ResponseEntity<Void> authorize(@RequestParam(name = "return_to", required = false) String returnTo) {
        if (returnTo != null && !isLocalPath(returnTo)) {
            throw IdentityProblems.badRequest("return_to", "must be a path on this site, such as /admin/");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // The state's value is where to go afterwards ("" for the JSON answer).
        redisson.getBucket(STATE_KEY + state).set(returnTo == null ? "" : returnTo, stateTtl);
        ResponseCookie cookie = ResponseCookie.from(STATE_COOKIE, state).httpOnly(true).sameSite("Lax")
                .path("/auth/api/v1/oauth/yandex").maxAge(stateTtl).build();
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(yandex.authorizationUri(state)))
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .build();
    }

    private static boolean isLocalPath(String path) {
        if (!LOCAL_PATH.matcher(path).matches()) {
            return false;
        }
        try {
            return URI.create(path).getHost() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @GetMapping("/callback")
    @Operation(summary = "Yandex's redirect back: checks state, exchanges the code, logs the user in",
            description = "Links to an existing account by e-mail or creates one; tokens as for a password login")
    ResponseEntity<?> callback(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            @CookieValue(name = STATE_COOKIE, required = false) String stateCookie,
            HttpServletRequest request) {
        // getAndDelete: a state works once, whatever happens next.
        Object returnTo = state == null ? null : redisson.getBucket(STATE_KEY + state).getAndDelete();
        if (returnTo == null || !state.equals(stateCookie)) {
            throw IdentityProblems.badRequest("state", "is unknown, expired, already used or not this browser's");
        }
        if (error != null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Yandex refused the login: " + error);
        }
        if (code == null || code.isBlank()) {
            throw IdentityProblems.badRequest("code", "is required");
        }
        YandexClient.Profile profile = yandex.profile(code, state);
        ResponseEntity<TokenResponses.TokenBody> tokens = responses.ok(signIn.signIn(profile, request));
        if (returnTo.toString().isEmpty()) {
            return tokens;
        }
        return ResponseEntity.status(HttpStatus.FOUND).headers(tokens.getHeaders())
                .location(URI.create(returnTo.toString())).build();
    }
}
