package dev.cinema.command;

import dev.cinema.kit.security.CinemaSecurityAutoConfiguration;
import org.redisson.spring.starter.RedissonAutoConfigurationV2;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Token verification exactly as query-side and ugc-projection get it from the service kit: keys fetched
 * from this app's JWKS over HTTP, deny-list in Redis. Lets tests show that a revoked token fails there too.
 */
public final class OtherServiceDecoder {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, RedisAutoConfiguration.class,
            RedissonAutoConfigurationV2.class, CinemaSecurityAutoConfiguration.class})
    static class KitOnly {
    }

    private static ConfigurableApplicationContext context;

    private OtherServiceDecoder() {
    }

    /** One small context per test JVM, like a second service next to this one. */
    public static synchronized JwtDecoder forJwksAt(int port) {
        if (context == null) {
            context = new SpringApplicationBuilder(KitOnly.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .properties(
                            "cinema.security.jwks-uri=http://127.0.0.1:" + port + "/auth/.well-known/jwks.json",
                            "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
                            // Not this module's application.yml: only what another service would configure.
                            "spring.config.location=optional:classpath:/nothing/")
                    .run();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context.getBean(JwtDecoder.class);
    }
}
