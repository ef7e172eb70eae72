package dev.cinema.ugc.security;

import dev.cinema.kit.security.CinemaResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** User activity is a user's: every API call needs a valid access token (verified by the service kit). */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CinemaResourceServer resourceServer) throws Exception {
        return resourceServer.configure(http)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/ugc/api/openapi", "/ugc/api/openapi/**", "/ugc/api/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
