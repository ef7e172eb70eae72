package dev.cinema.ugc.ingest;

import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.ugc.kafka.ActivityCodec;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes accepted events to the UGC topic, keyed by user (one user's events stay in order on one partition),
 * and returns only once the broker has acknowledged every one of them (idempotent producer, acks=all:
 * {@code spring.kafka.producer.*}). A 202 therefore means "durably in Kafka". When some fail, the caller gets an
 * error and retries the whole request: events it repeats keep their ids, so the projection counts them once.
 * Trace context travels in the record headers (the template's observation, {@code spring.kafka.template.*}).
 */
@Component
public class ActivityPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ActivityCodec codec;
    private final String topic;
    private final Duration timeout;

    public ActivityPublisher(KafkaTemplate<String, byte[]> kafka, ActivityCodec codec, UgcKafkaProperties properties,
                             @Value("${ugc.ingest.publish-timeout:15s}") Duration timeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.topic = properties.topic();
        this.timeout = timeout;
    }

    public void publish(List<UserActivity> events) {
        CompletableFuture<?>[] sends = events.stream()
                .map(event -> kafka.send(new ProducerRecord<>(topic, event.userId().toString(), codec.encode(event))))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException(e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(e);
        }
    }

    /** Kafka did not acknowledge every event in time: answered 503, the client retries. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super("Kafka did not acknowledge the events: " + cause, cause);
        }
    }
}
