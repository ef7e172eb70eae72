package dev.cinema.command.security;

import dev.cinema.command.identity.role.Access;
import dev.cinema.kit.security.CinemaResourceServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what on the command side. Tokens are verified as in every app (service kit). */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String ADMIN = Access.ADMIN_ROLE;

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http, CinemaResourceServer resourceServer) throws Exception {
        return resourceServer.configure(http)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/admin/api/openapi", "/admin/api/openapi/**", "/admin/api/swagger-ui/**", "/auth/api/openapi").permitAll()
                        .requestMatchers("/auth/.well-known/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/auth/api/v1/users/register", "/auth/api/v1/users/login",
                                "/auth/api/v1/users/refresh").permitAll()
                        .requestMatchers(HttpMethod.GET, "/auth/api/v1/oauth/*/authorize-url",
                                "/auth/api/v1/oauth/*/callback").permitAll()
                        .requestMatchers("/auth/api/v1/users/me", "/auth/api/v1/users/me/**",
                                "/auth/api/v1/users/logout", "/auth/api/v1/users/logout-all").authenticated()
                        .requestMatchers("/auth/api/v1/roles/**", "/auth/api/v1/permissions/**",
                                "/auth/api/v1/users", "/auth/api/v1/users/**").hasRole(ADMIN)
                        .requestMatchers("/admin/api/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    /** BCrypt today, with the algorithm named in each hash ({bcrypt}…) so that a stronger one can be phased in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
