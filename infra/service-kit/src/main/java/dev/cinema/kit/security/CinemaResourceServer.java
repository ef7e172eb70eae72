package dev.cinema.kit.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.util.WebUtils;

/**
 * What every app's {@code SecurityFilterChain} shares: stateless bearer-token authentication with the
 * platform's tokens, and problem details for 401/403. An app calls {@link #configure} and then adds its path rules.
 */
public class CinemaResourceServer {

    /** The HttpOnly cookie the auth side sets at login, for browsers (the admin SPA) that cannot keep tokens in JS. */
    public static final String ACCESS_TOKEN_COOKIE = "access_token";

    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter;
    private final ProblemResponses problems;

    CinemaResourceServer(Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter,
                         ProblemResponses problems) {
        this.authenticationConverter = authenticationConverter;
        this.problems = problems;
    }

    public HttpSecurity configure(HttpSecurity http) throws Exception {
        return http
                // No session and no cookie-based login form: CSRF has nothing to protect except the token cookie,
                // which is SameSite=Strict.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(headerThenCookie())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter))
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()));
    }

    private static BearerTokenResolver headerThenCookie() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String token = header.resolve(request);
            if (token != null) {
                return token;
            }
            var cookie = WebUtils.getCookie(request, ACCESS_TOKEN_COOKIE);
            return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
        };
    }
}
