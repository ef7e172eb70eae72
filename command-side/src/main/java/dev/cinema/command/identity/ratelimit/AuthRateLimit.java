package dev.cinema.command.identity.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request to the auth endpoints counts against its client IP (the gateway's X-Forwarded-For, trusted
 * through server.forward-headers-strategy). An interceptor rather than a filter, so that the 429 is rendered
 * by the same problem-details advice as every other error.
 */
@Configuration(proxyBeanMethods = false)
class AuthRateLimit implements WebMvcConfigurer {

    private final RateLimits limits;
    private final RateLimitProperties properties;

    AuthRateLimit(RateLimits limits, RateLimitProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!limits.limiter("auth-ip", request.getRemoteAddr(), properties.requestsPerIp()).tryAcquire()) {
                    throw RateLimits.tooMany("requests from this address", properties.requestsPerIp());
                }
                return true;
            }
        }).addPathPatterns("/auth/**");
    }
}
