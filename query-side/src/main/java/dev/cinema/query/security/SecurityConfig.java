package dev.cinema.query.security;

import dev.cinema.kit.security.CinemaResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * As the original content API: lists and searches need a valid access token, a film's, genre's or person's
 * details are public. The operations API and reindex jobs ({@code /admin/**}) need the admin role. Tokens are
 * verified by the service kit (command-side's JWKS, deny-list).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String API = "/movies/api/v1";
    private static final String ADMIN = "admin";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CinemaResourceServer resourceServer) throws Exception {
        return resourceServer.configure(http)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/movies/api/openapi", "/movies/api/openapi/**", "/movies/api/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(API + "/admin/**").hasRole(ADMIN)
                        // Order matters: /films/search and /persons/{id}/film before the public /{id} details.
                        .requestMatchers(HttpMethod.GET, API + "/films/search", API + "/persons/search",
                                API + "/persons/*/film").authenticated()
                        .requestMatchers(HttpMethod.GET, API + "/films/*", API + "/genres/*", API + "/persons/*")
                        .permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
