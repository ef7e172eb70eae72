package dev.cinema.ugc.projection;

import dev.cinema.ugc.BackgroundRetry;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the projection survives failures. Boot gives the listener container factory this error handler (and the
 * batch mode, ack mode and poll sizes of {@code spring.kafka.listener.*}/{@code consumer.*}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfig {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConfig.class);

    /**
     * A failed batch (ClickHouse down, slow, or refusing) is retried as a whole, forever, with exponential backoff up
     * to {@code ugc.projection.max-backoff}; meanwhile the consumer is paused (it stays in its group) and nothing is
     * committed. Nothing is ever skipped: a batch that can never be written stalls the projection visibly (consumer
     * lag, a WARN per attempt) instead of losing events.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(@Value("${ugc.projection.max-backoff:10s}") Duration maxBackoff) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis()); // no max elapsed time, no max attempts: unlimited
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                // batch listener: only the batch variant below is called
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
                log.warn("Projection of {} record(s) failed (attempt {}), retrying: {}", records.count(), attempt,
                        BackgroundRetry.describe(failure));
            }
        });
        return handler;
    }

    /** Sends records that are not events to {@code <topic>.dlt}, keeping their key, value and headers. */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, byte[]> kafka,
                                                                UgcKafkaProperties properties) {
        return new DeadLetterPublishingRecoverer(kafka, (record, failure) ->
                new TopicPartition(properties.deadLetterTopic(), -1)); // -1: the producer picks the partition
    }
}
