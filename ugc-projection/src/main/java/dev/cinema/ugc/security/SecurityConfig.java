package dev.cinema.ugc.security;

import dev.cinema.kit.security.CinemaResourceServer;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /ugc/**} is for signed-in users: an access token from the command side, verified by the service kit
 * (RS256 against command-side's JWKS, fetched on the first token and cached; issuer, {@code typ=access} and the
 * Redis deny-list checked; 401/403 as problem details). The OpenAPI docs and the actuator are open. Stateless.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CinemaResourceServer resourceServer) throws Exception {
        return resourceServer.configure(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ugc/api/openapi", "/ugc/api/openapi/**", "/ugc/api/swagger-ui/**").permitAll()
                        .requestMatchers("/ugc/**").authenticated()
                        .anyRequest().permitAll())
                .build();
    }
}
