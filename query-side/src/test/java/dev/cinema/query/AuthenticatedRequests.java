package dev.cinema.query;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every MockMvc request of the query-side tests carries an access token (spring-security-test's {@code jwt()},
 * a user without roles): lists and searches need one. As a default request rather than a security context of
 * the test thread, it also holds for requests made from Awaitility's polling thread. A test that needs an
 * anonymous request adds {@code .with(anonymous())}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AuthenticatedRequests {

    /** A request from an admin (role {@code admin}, as the kit maps the {@code roles} claim). */
    public static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin"));
    }

    @Bean
    MockMvcBuilderCustomizer authenticatedByDefault() {
        return builder -> builder.defaultRequest(get("/").with(jwt().jwt(token -> token.claim("roles", List.of()))));
    }
}
