package dev.cinema.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import dev.cinema.kit.security.TestTokenKeys;

/**
 * The one Spring context every integration test shares (same configuration, so Spring's test context cache
 * reuses it): the whole app against the real PostgreSQL ({@code cinema_test}) and Elasticsearch
 * ({@code test_} indices), profile {@code test} (set by surefire). Tests use fresh ids and names, so they need
 * no reset and do not depend on what else is in the database or the index. MockMvc requests carry a
 * token by default ({@link AuthenticatedRequests}); {@code ContentApiSecurityTest} checks the rules themselves,
 * with real signed tokens ({@link TestTokenKeys} stands in for command-side's JWKS).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({AuthenticatedRequests.class, TestTokenKeys.class})
public @interface QuerySideTest {
}
