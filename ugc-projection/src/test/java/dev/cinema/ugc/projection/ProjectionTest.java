package dev.cinema.ugc.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.ugc.ViewProgressed;
import dev.cinema.ugc.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/** Ingest → Kafka → ClickHouse: every event exactly once, also when posted again or when ClickHouse goes away. */
class ProjectionTest extends IntegrationTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    /** How long ClickHouse stays unreachable in the outage test (the rule does not depend on it; keep tests fast). */
    @Value("${ugc.test.outage:4s}")
    Duration outage;

    @Test
    void eventsPostedInBatchesArriveOnceAndPostingThemAgainChangesNothing() throws Exception {
        UUID user = UUID.randomUUID();
        List<Map<String, Object>> events = views(UUID.randomUUID(), 3_000);

        postAll(user, events);
        awaitValue(() -> distinctEvents(user), 3_000, Duration.ofSeconds(30));

        postAll(user, events); // a client retrying everything: same event ids
        // One new event behind the copies on the same partition (same user = same key): once it is in, so are they.
        postAll(user, views(UUID.randomUUID(), 1));
        awaitValue(() -> distinctEvents(user), 3_001, Duration.ofSeconds(30));
        assertThat(rowsFinal(user)).isEqualTo(3_001);
    }

    @Test
    void aClickHouseOutageDelaysTheProjectionButLosesAndDuplicatesNothing() throws Exception {
        UUID before = UUID.randomUUID();
        UUID during = UUID.randomUUID();
        postAll(before, views(UUID.randomUUID(), 1_000));
        awaitValue(() -> distinctEvents(before), 1_000, Duration.ofSeconds(30));

        CLICKHOUSE.cut();
        try {
            postAll(during, views(UUID.randomUUID(), 2_000)); // ingest needs only Kafka
            Thread.sleep(outage.toMillis());                  // the consumer fails, pauses, retries meanwhile
        } finally {
            CLICKHOUSE.restore();
        }

        awaitValue(() -> distinctEvents(during), 2_000, Duration.ofSeconds(60));
        assertThat(rowsFinal(before, during)).isEqualTo(3_000);
        assertThat(distinctEvents(before)).isEqualTo(1_000);
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheProjectionGoesOn() throws Exception {
        String garbage = "not an event " + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(topic, "someone", garbage.getBytes(StandardCharsets.UTF_8))).get();
        UUID user = UUID.randomUUID();
        postAll(user, views(UUID.randomUUID(), 10));
        awaitValue(() -> distinctEvents(user), 10, Duration.ofSeconds(30));

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic + ".dlt"));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && seen.stream().noneMatch(r -> garbage.equals(text(r.value())))) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            ConsumerRecord<String, byte[]> dead = seen.stream().filter(r -> garbage.equals(text(r.value()))).findFirst()
                    .orElseThrow(() -> new AssertionError("the garbage record did not reach " + topic + ".dlt"));
            assertThat(dead.key()).isEqualTo("someone");
            assertThat(text(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value())).isEqualTo(topic);
            assertThat(text(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value())).isNotBlank();
        }
    }

    @Test
    void publishedRecordsAreKeyedByUserAndCarryTraceContext() throws Exception {
        UUID user = UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets before posting

            postAll(user, views(UUID.randomUUID(), 1));

            ConsumerRecord<String, byte[]> published = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (published == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (user.toString().equals(record.key())) {
                        published = record;
                    }
                }
            }
            assertThat(published).as("the posted event on " + topic).isNotNull();
            // The Axon Kafka extension's format: the event's class and id in headers, the event as JSON.
            assertThat(text(published.headers().lastHeader("axon-message-type").value()))
                    .isEqualTo(ViewProgressed.class.getName());
            assertThat(published.headers().lastHeader("axon-message-id")).isNotNull();
            assertThat(text(published.value())).contains("\"user_id\":\"" + user + "\"", "\"position_s\":0");
            // The ingest request's trace, under the W3C header name (version-traceid-spanid-flags).
            assertThat(published.headers().lastHeader("traceparent")).as("W3C trace context").isNotNull();
            assertThat(text(published.headers().lastHeader("traceparent").value()))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
