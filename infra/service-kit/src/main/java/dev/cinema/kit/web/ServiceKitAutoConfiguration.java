package dev.cinema.kit.web;

import dev.cinema.kit.operations.Operations;
import dev.cinema.kit.operations.OperationsController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Request ids in the logs and problem details for bad input, in every app that has the kit. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class ServiceKitAutoConfiguration {

    /** The operations API, in the apps that describe their processors and set {@code cinema.operations.path}. */
    @Bean
    @ConditionalOnBean(Operations.class)
    @ConditionalOnProperty("cinema.operations.path")
    OperationsController operationsController(Operations operations) {
        return new OperationsController(operations);
    }

    @Bean
    StrictJsonInput strictJsonInput() {
        return new StrictJsonInput();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Right after the tracing filter, so a request's first log line already has both ids.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
