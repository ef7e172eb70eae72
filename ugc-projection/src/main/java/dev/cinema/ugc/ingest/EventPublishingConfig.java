package dev.cinema.ugc.ingest;

import dev.cinema.ugc.kafka.ActivityCodec;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The Axon Kafka extension's publishing chain, configured here rather than by its Spring Boot starter: the starter
 * turns on Axon's whole auto-configuration, which wants an event store and a token store (and would pick the
 * ClickHouse DataSource for them); this service needs neither. The chain: an in-memory {@link SimpleEventBus} →
 * a {@link SubscribingEventProcessor} (it handles the events in the publishing thread, inside the ingest request's
 * unit of work) → the extension's {@link KafkaEventPublisher} → {@link KafkaPublisher} with a
 * {@link DefaultProducerFactory} in {@link ConfirmationMode#WAIT_FOR_ACK}.
 *
 * <p>WAIT_FOR_ACK rather than TRANSACTIONAL: both make the request wait for the broker, but the extension runs one
 * Kafka transaction per event (begin, send, commit: a round trip to the transaction coordinator each), which adds
 * no atomicity to a request of many events, needs a pool of transactional producers, and only pays off for
 * read_committed consumers. What makes the ingest safe is that a request succeeds only when every record was
 * acknowledged (idempotent producer, acks=all) and a client retries a failed request with the same event ids,
 * which the projection counts once.
 *
 * <p>Both error handlers propagate: the defaults of an event processor log a handler's failure and carry on,
 * which here would answer 202 for an event that never reached Kafka.
 */
@Configuration(proxyBeanMethods = false)
class EventPublishingConfig {

    /** Producer settings: Boot's {@code spring.kafka.producer.*} (acks=all, idempotence, timeouts, serializers). */
    @Bean(destroyMethod = "shutDown")
    DefaultProducerFactory<String, byte[]> axonKafkaProducerFactory(ProducerFactory<?, ?> springProducerFactory) {
        Map<String, Object> configuration = new HashMap<>(springProducerFactory.getConfigurationProperties());
        configuration.put(ProducerConfig.CLIENT_ID_CONFIG, "ugc-ingest");
        return DefaultProducerFactory.<String, byte[]>builder()
                .configuration(configuration)
                .confirmationMode(ConfirmationMode.WAIT_FOR_ACK)
                .build();
    }

    @Bean(destroyMethod = "shutDown")
    KafkaPublisher<String, byte[]> kafkaPublisher(DefaultProducerFactory<String, byte[]> producerFactory,
                                                  ActivityCodec codec, UgcKafkaProperties properties,
                                                  @Value("${ugc.ingest.publish-timeout:15s}") Duration timeout) {
        return KafkaPublisher.<String, byte[]>builder()
                .producerFactory(producerFactory)
                .messageConverter(codec.converter())
                .serializer(codec.serializer()) // used by the converter only; unset, the builder warns of XStream
                .topicResolver(event -> Optional.of(properties.topic()))
                .publisherAckTimeout(timeout.toMillis())
                .build();
    }

    @Bean
    EventBus ingestEventBus() {
        return SimpleEventBus.builder().build();
    }

    @Bean(initMethod = "start", destroyMethod = "shutDown")
    SubscribingEventProcessor kafkaPublishingProcessor(EventBus ingestEventBus, KafkaPublisher<String, byte[]> publisher) {
        KafkaEventPublisher<String, byte[]> kafkaEventPublisher =
                KafkaEventPublisher.<String, byte[]>builder().kafkaPublisher(publisher).build();
        return SubscribingEventProcessor.builder()
                .name(kafkaEventPublisher.getProcessingGroup())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(kafkaEventPublisher)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(ingestEventBus)
                .build();
    }
}
