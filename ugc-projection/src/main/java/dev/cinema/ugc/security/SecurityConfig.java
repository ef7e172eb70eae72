package dev.cinema.ugc.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /ugc/**} is for signed-in users: a JWT access token from the command side (RS256, verified against its
 * JWKS, {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}); the OpenAPI docs and the actuator are open.
 * The JWKS is fetched on the first token to verify, so the service starts and serves health without the command
 * side. Stateless: no session, no CSRF (no cookies are read).
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ugc/api/openapi", "/ugc/api/openapi/**", "/ugc/api/swagger-ui/**").permitAll()
                        .requestMatchers("/ugc/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        // Keeps the standard WWW-Authenticate header, with an RFC 7807 body like every other error.
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearer.commence(request, response, failure);
                            writeProblem(response, json, HttpStatus.UNAUTHORIZED, "A valid bearer access token is required");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                writeProblem(response, json, HttpStatus.FORBIDDEN, "Not allowed")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
