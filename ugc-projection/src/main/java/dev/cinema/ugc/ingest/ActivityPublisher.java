package dev.cinema.ugc.ingest;

import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.ugc.kafka.ActivityCodec;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes accepted events to the UGC topic, keyed by user (one user's events stay in order on one partition),
 * and returns only once the broker has acknowledged every one of them (idempotent producer, acks=all:
 * {@code spring.kafka.producer.*}). A 202 therefore means "durably in Kafka". When some fail, the caller gets an
 * error and retries the whole request: events it repeats keep their ids, so the projection counts them once.
 * Every record carries the ingest request's W3C trace context ({@code traceparent}) in its headers, injected once
 * per request: the template's own observation would open a span (and timers) per record, which measured as the
 * largest cost of a 1,000-event request.
 */
@Component
public class ActivityPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ActivityCodec codec;
    private final Tracer tracer;
    private final Propagator propagator;
    private final String topic;
    private final Duration timeout;

    public ActivityPublisher(KafkaTemplate<String, byte[]> kafka, ActivityCodec codec, ObjectProvider<Tracer> tracer,
                             ObjectProvider<Propagator> propagator, UgcKafkaProperties properties,
                             @Value("${ugc.ingest.publish-timeout:15s}") Duration timeout) {
        this.kafka = kafka;
        this.codec = codec;
        // Absent when tracing is switched off (management.tracing.enabled=false): then no headers.
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.topic = properties.topic();
        this.timeout = timeout;
    }

    public void publish(List<UserActivity> events) {
        Headers trace = traceContext();
        CompletableFuture<?>[] sends = events.stream()
                .map(event -> kafka.send(new ProducerRecord<>(topic, null, event.userId().toString(), codec.encode(event),
                        trace)))
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

    private Headers traceContext() {
        RecordHeaders headers = new RecordHeaders();
        TraceContext current = tracer.currentTraceContext().context();
        if (current != null) {
            propagator.inject(current, headers, (carrier, key, value) ->
                    carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        }
        headers.setReadOnly(); // shared by the request's records
        return headers;
    }

    /** Kafka did not acknowledge every event in time: answered 503, the client retries. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super("Kafka did not acknowledge the events: " + cause, cause);
        }
    }
}
