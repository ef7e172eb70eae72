package dev.cinema.command.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two API documents from this app: catalogue commands (/admin/api/openapi) and identity (/auth/api/openapi).
 * Swagger UI is served once (/admin/api/openapi redirects to it) with a selector; /auth/api/openapi opens it on identity.
 */
@Configuration(proxyBeanMethods = false)
@RestController
class OpenApiConfig {

    static final String AUTH_GROUP = "auth";

    @Bean
    GroupedOpenApi adminApi() {
        return GroupedOpenApi.builder().group("admin").displayName("Catalogue commands").pathsToMatch("/admin/api/**").build();
    }

    @Bean
    GroupedOpenApi authApi() {
        return GroupedOpenApi.builder().group(AUTH_GROUP).displayName("Identity and access").pathsToMatch("/auth/**").build();
    }

    @Bean
    OpenAPI commandSideOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Online cinema: command side").version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @GetMapping("/auth/api/openapi")
    ResponseEntity<Void> authDocs() {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/admin/api/swagger-ui/index.html?urls.primaryName=" + AUTH_GROUP)).build();
    }
}
