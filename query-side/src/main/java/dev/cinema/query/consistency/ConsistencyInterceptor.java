package dev.cinema.query.consistency;

import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes for every content API request: with {@code X-Consistency-Token: <global position>} (what
 * command-side answered for a write), the request waits until the live projections have handled that event, then
 * is answered (the projection refreshes the index and invalidates the cache before its token moves, so the answer
 * shows the write). Past the configured limit it is a 503 with {@code Retry-After}; a malformed token is a 422.
 */
@Configuration(proxyBeanMethods = false)
public class ConsistencyInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    public static final String HEADER = "X-Consistency-Token";
    private static final Logger log = LoggerFactory.getLogger(ConsistencyInterceptor.class);

    private final ProcessorPositions positions;
    private final ConsistencyProperties properties;

    ConsistencyInterceptor(ProcessorPositions positions, ConsistencyProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/movies/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return true;
        }
        long position = parse(header);
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        while (!properties.processors().stream().allMatch(processor -> positions.passed(processor, position))) {
            if (System.nanoTime() >= deadline) {
                log.info("Consistency token {} not reached within {}", position, properties.timeout());
                throw notYet(position);
            }
            TimeUnit.NANOSECONDS.sleep(properties.pollInterval().toNanos());
        }
        return true;
    }

    private static long parse(String header) {
        try {
            long position = Long.parseLong(header.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidFieldException(HEADER, "must be a global event position (a non-negative integer)");
    }

    private static ErrorResponseException notYet(long position) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The read model has not yet reached position " + position + "; try again shortly");
        problem.setTitle("Not yet consistent");
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        // The projection is behind but moving: a second is a sensible next try.
        exception.getHeaders().set("Retry-After", "1");
        return exception;
    }
}
