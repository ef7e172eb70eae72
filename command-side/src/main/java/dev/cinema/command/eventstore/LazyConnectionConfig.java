package dev.cinema.command.eventstore;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A command's transaction takes its database connection at its first statement, not when it begins.
 *
 * <p>Axon begins the transaction before the repository takes the aggregate's lock. With the connection taken at the
 * beginning, every command waiting for a busy aggregate held a pooled connection while it waited; 100 concurrent
 * edits of one film then held all 40, and the thread holding the lock (or a read of the film, which takes the same
 * lock) waited for a connection it could never get: every request timed out after 30 s, the winner's included,
 * though its events were stored. With the proxy, a waiting command holds no connection.
 */
@Configuration(proxyBeanMethods = false)
class LazyConnectionConfig {

    @Bean
    static BeanPostProcessor connectionOnFirstStatement() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
                        ? new LazyConnectionDataSourceProxy(dataSource) : bean;
            }
        };
    }
}
