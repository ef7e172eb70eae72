package dev.cinema.ugc.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The application's Kafka topic (the broker has automatic topic creation off, so it is created here) and the
 * health check's patience. The connection itself is {@code spring.kafka.*}.
 *
 * @param topic         raw user-activity events, keyed by user
 * @param partitions    partitions of the topic (raised, never lowered, on an existing topic)
 * @param replicas      replication factor
 * @param healthTimeout how long the health check waits for the cluster
 */
@Validated
@ConfigurationProperties("ugc.kafka")
public record UgcKafkaProperties(
        @DefaultValue("ugc-events") @NotBlank String topic,
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas,
        @DefaultValue("2s") Duration healthTimeout) {

    /** Where the projection puts records it cannot read: {@code <topic>.dlt}. */
    public String deadLetterTopic() {
        return topic + ".dlt";
    }

    /** What operators did with each dead letter (retried, evicted): {@code <topic>.dlt.outcomes}, compacted. */
    public String deadLetterOutcomesTopic() {
        return deadLetterTopic() + ".outcomes";
    }
}
