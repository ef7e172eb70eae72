package dev.cinema.ugc.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.ugc.BackgroundRetry;
import dev.cinema.ugc.kafka.ActivityCodec;
import dev.cinema.ugc.kafka.ActivityCodec.UndecodableActivityException;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The projection's dead letters: the records of {@code <topic>.dlt} (parked by the projection with the reason in
 * spring-kafka's {@code kafka_dlt-*} headers) minus those an operator retried or evicted. A Kafka topic cannot drop
 * one record, so each outcome is a record of its own on {@code <topic>.dlt.outcomes}, keyed by the dead letter's id
 * and compacted (the last outcome per dead letter stays for good). Both topics live next to the data they describe,
 * need no other store, and are small: each call reads them whole with a consumer of its own (no group, nothing
 * committed).
 *
 * <p>Retrying decodes the record again first: one that still is not an event stays parked (its attempts and last
 * cause recorded); one that now is (say, of a type a newer version learned) is published to the main topic with its
 * key, value and headers, and the normal path projects it (event ids make a second copy harmless).
 */
@Component
class DeadLetterTopic {

    static final String RETRIED = "retried";
    static final String EVICTED = "evicted";
    static final String STILL_FAILING = "still-failing";

    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ActivityCodec codec;
    private final UgcKafkaProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    DeadLetterTopic(ConsumerFactory<?, ?> consumerFactory, KafkaTemplate<String, byte[]> kafka, ActivityCodec codec,
                    UgcKafkaProperties properties, ObjectMapper json, Clock clock) {
        Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
        // A reader, not a member of the projection's group: no group, nothing committed, polls that return at once.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ugc-operations");
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** A parked record, and the last thing done with it (null before the first retry). */
    record Letter(ConsumerRecord<String, byte[]> record, Outcome outcome) {

        String id() {
            return DeadLetterTopic.id(record);
        }

        int retries() {
            return outcome == null ? 0 : outcome.retries();
        }
    }

    /**
     * @param outcome {@link #RETRIED}, {@link #EVICTED} or {@link #STILL_FAILING}
     * @param retries how often it was retried
     * @param cause   why the last retry failed, or null
     */
    record Outcome(String outcome, Instant at, int retries, String cause) {
    }

    /** The dead letters not retried or evicted, oldest first. */
    List<Letter> open() {
        Map<String, Outcome> outcomes = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(properties.deadLetterOutcomesTopic())) {
            if (record.key() != null && record.value() != null) {
                outcomes.put(record.key(), read(record.value()));
            }
        }
        List<Letter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(properties.deadLetterTopic())) {
            Outcome outcome = outcomes.get(id(record));
            if (outcome == null || STILL_FAILING.equals(outcome.outcome())) {
                letters.add(new Letter(record, outcome));
            }
        }
        letters.sort(Comparator.comparingLong((Letter letter) -> letter.record().timestamp())
                .thenComparingInt(letter -> letter.record().partition())
                .thenComparingLong(letter -> letter.record().offset()));
        return letters;
    }

    /** @return whether the record is an event now and went back to the main topic */
    boolean retry(Letter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        try {
            codec.decode(record);
        } catch (UndecodableActivityException e) {
            record(letter, new Outcome(STILL_FAILING, clock.instant(), letter.retries() + 1, BackgroundRetry.describe(e)));
            return false;
        }
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(header -> {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        });
        // No partition: the key (the user) picks it, so the event joins that user's other events.
        await(kafka.send(new ProducerRecord<>(properties.topic(), null, record.key(), record.value(), headers)));
        record(letter, new Outcome(RETRIED, clock.instant(), letter.retries() + 1, null));
        return true;
    }

    void evict(Letter letter) {
        record(letter, new Outcome(EVICTED, clock.instant(), letter.retries(), null));
    }

    private void record(Letter letter, Outcome outcome) {
        try {
            await(kafka.send(properties.deadLetterOutcomesTopic(), letter.id(), json.writeValueAsBytes(outcome)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + outcome, e);
        }
    }

    private Outcome read(byte[] value) {
        try {
            return json.readValue(value, Outcome.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable outcome on " + properties.deadLetterOutcomesTopic(), e);
        }
    }

    /** Every record of a topic, partition by partition in offset order. */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw unavailable(topic + " not read to its end within " + TIMEOUT.toSeconds() + " s", null);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        } catch (KafkaException e) {
            throw unavailable("cannot read " + topic, e);
        }
    }

    private static void await(Future<?> send) {
        try {
            send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("Kafka did not acknowledge", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
    }

    static ResponseStatusException unavailable(String what, Exception cause) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                what + (cause == null ? "" : ": " + BackgroundRetry.describe(cause)), cause);
    }

    static String id(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }
}
