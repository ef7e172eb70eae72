package dev.cinema.ugc.kafka;

import dev.cinema.ugc.BackgroundRetry;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics as {@link NewTopic} beans and has Boot's {@link KafkaAdmin} create them. KafkaAdmin's own
 * start-up pass is off ({@code spring.kafka.admin.auto-create=false}): it tries only once, so a broker that is
 * down at boot would leave the topics missing for good. Here it is tried at start and then in the background
 * until it succeeds; the {@code kafka} health reports whether it has.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics implements SmartInitializingSingleton, DisposableBean {

    private final BackgroundRetry creation;

    public KafkaTopics(KafkaAdmin admin) {
        this.creation = new BackgroundRetry("Kafka topics", Duration.ofSeconds(2), Duration.ofSeconds(30), () -> {
            if (!admin.initialize()) { // false (error logged by KafkaAdmin) only while the context is starting
                throw new IllegalStateException("KafkaAdmin could not create or check the topics");
            }
            return null;
        });
    }

    @Bean
    NewTopic ugcEventsTopic(UgcKafkaProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    /**
     * Records of the topic that are not user-activity events (see the projection), kept for a person to inspect,
     * retry or evict (the operations API): kept until then, not for the broker's default seven days.
     */
    @Bean
    NewTopic ugcEventsDeadLetterTopic(UgcKafkaProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic())
                .partitions(1)
                .replicas(properties.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    /**
     * A topic cannot drop one record, so what was done with each dead letter is recorded here, keyed by the dead
     * letter's id; compaction keeps the last outcome per key, for good.
     */
    @Bean
    NewTopic ugcEventsDeadLetterOutcomesTopic(UgcKafkaProperties properties) {
        return TopicBuilder.name(properties.deadLetterOutcomesTopic())
                .partitions(1)
                .replicas(properties.replicas())
                .compact()
                .build();
    }

    @Override
    public void afterSingletonsInstantiated() {
        creation.start();
    }

    /** Whether the topics exist with (at least) the configured partitions. */
    public boolean ready() {
        return creation.succeeded();
    }

    /** Why the topics are not ready yet (null when they are). */
    public String pendingReason() {
        return creation.lastFailure();
    }

    @Override
    public void destroy() {
        creation.close();
    }
}
