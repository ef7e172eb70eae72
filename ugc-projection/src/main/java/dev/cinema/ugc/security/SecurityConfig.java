package dev.cinema.ugc.security;

import dev.cinema.kit.security.CinemaResourceServer;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /ugc/**} is for signed-in users: an access token from the command side, verified by the service kit
 * (RS256 against command-side's JWKS, fetched on the first token and cached; issuer, {@code typ=access} and the
 * Redis deny-list checked; 401/403 as problem details). The operations API ({@code cinema.operations.path}) is for
 * the admin role. The OpenAPI docs and the actuator are open. Stateless.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SecurityConfig {

    /** The role of the access token's {@code roles} claim that opens the operations API. */
    private static final String ADMIN = "admin";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CinemaResourceServer resourceServer,
                                            @Value("${cinema.operations.path}") String operationsPath) throws Exception {
        return resourceServer.configure(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ugc/api/openapi", "/ugc/api/openapi/**", "/ugc/api/swagger-ui/**").permitAll()
                        .requestMatchers(operationsPath + "/**").hasRole(ADMIN)
                        .requestMatchers("/ugc/**").authenticated()
                        .anyRequest().permitAll())
                .build();
    }
}
