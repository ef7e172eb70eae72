package dev.cinema.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projector's failure must never be skipped. Axon's default listener invocation error handler only logs
 * (the event would be lost for the read model); with the propagating one the exception reaches the processor,
 * whose own default error handler (also propagating) makes a streaming processor release the segment, back
 * off and retry from its last token. Redelivery is harmless because every projector writes idempotently.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrorHandling {

    @Bean
    ConfigurerModule propagateProjectionFailures() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }
}
