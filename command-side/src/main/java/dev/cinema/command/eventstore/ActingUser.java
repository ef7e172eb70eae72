package dev.cinema.command.eventstore;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who caused an event: every command dispatched through the gateway gets a {@value #USER_ID} metadata entry (the
 * name of the current Spring Security authentication, which is the JWT {@code sub}; {@value #SYSTEM} without one),
 * unless the sender set it already (the importer sends {@code importer}). The correlation data provider copies it
 * from the command into every event the command causes, where the history endpoint reads it.
 */
@Configuration
public class ActingUser {

    public static final String USER_ID = "userId";
    public static final String SYSTEM = "system";

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actingUserInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.getMetaData().containsKey(USER_ID)
                        ? command
                        : command.andMetaData(java.util.Map.of(USER_ID, currentUser()));
            }
        };
    }

    static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return SYSTEM;
        }
        return authentication.getName();
    }

    @Bean
    CorrelationDataProvider actingUserCorrelation() {
        return new SimpleCorrelationDataProvider(USER_ID);
    }

    /** Axon's default provider (correlation and causation ids) steps back when any other is declared: keep it. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
