package dev.cinema.ugc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.contracts.ugc.ViewProgressed;
import dev.cinema.ugc.IntegrationTest;
import dev.cinema.ugc.ingest.ActivityPublisher.PublishFailedException;
import dev.cinema.ugc.kafka.ActivityCodec;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The publishing chain of the application (event bus, subscribing processor, the extension's publisher), pointed at
 * a broker that is not there: publishing must fail (503 for the client), never report success for lost events.
 */
class PublishingWithoutBrokerTest extends IntegrationTest {

    @Autowired
    ProducerFactory<?, ?> springProducerFactory;
    @Autowired
    ActivityCodec codec;
    @Autowired
    UgcKafkaProperties properties;
    @Autowired
    ObjectProvider<Tracer> tracer;
    @Autowired
    ObjectProvider<Propagator> propagator;

    @Test
    void eventsThatNoBrokerAcknowledgedAreReportedAsNotPublished() {
        Map<String, Object> noBroker = new HashMap<>(springProducerFactory.getConfigurationProperties());
        noBroker.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"); // nothing listens there
        noBroker.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        EventPublishingConfig config = new EventPublishingConfig();
        DefaultProducerFactory<String, byte[]> producers =
                config.axonKafkaProducerFactory(new DefaultKafkaProducerFactory<>(noBroker));
        KafkaPublisher<String, byte[]> kafka = config.kafkaPublisher(producers, codec, properties, Duration.ofSeconds(5));
        EventBus bus = config.ingestEventBus();
        SubscribingEventProcessor processor = config.kafkaPublishingProcessor(bus, kafka);
        processor.start();
        try {
            ActivityPublisher publisher = new ActivityPublisher(bus, tracer, propagator);
            UUID user = UUID.randomUUID();
            List<UserActivity> events = List.of(new ViewProgressed(UUID.randomUUID(), user,
                    UUID.randomUUID(), Instant.now(), 10, 100));

            assertThatThrownBy(() -> publisher.publish(events)).isInstanceOf(PublishFailedException.class);
            // The failed unit of work is gone from the thread: the next request on it starts afresh.
            assertThat(CurrentUnitOfWork.isStarted()).isFalse();
        } finally {
            processor.shutDown();
            kafka.shutDown();
        }
    }
}
