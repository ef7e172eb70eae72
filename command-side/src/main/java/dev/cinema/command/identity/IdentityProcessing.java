package dev.cinema.command.identity;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity read side (e-mail, role and permission lookups, grants) is projected by a subscribing processor:
 * in the command's own transaction, with errors propagated, so that a unique index on a lookup table rejects a
 * duplicate and rolls the events back instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityProcessing {

    public static final String GROUP = "identity";

    @Bean
    ConfigurerModule identityProcessingGroup() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
