package dev.cinema.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * User-activity ingest: events/s accepted over HTTP (requests of a batch of view_progress events, each 202 once
 * Kafka has them), against a raw Kafka producer sending the same events with the same producer settings and
 * waiting for each batch's acknowledgements; the rate at which they reach ClickHouse, against raw ClickHouse
 * batch INSERTs of the same rows (a copy of the table in {@code cinema_bench}); and the delay from a 202 to the
 * event's row in ClickHouse, against a raw Kafka send plus a ClickHouse INSERT of the same single event.
 */
final class UgcIngest {

    private static final String RAW_TOPIC = "bench-ugc-raw";

    private final Platform platform;
    private final Settings settings;

    UgcIngest(Platform platform, Settings settings) {
        this.platform = platform;
        this.settings = settings;
    }

    List<Figure> measure() throws Exception {
        int batch = settings.ugcBatch();
        int clients = settings.ugcClients();
        Figure ingest = new Figure("UGC ingest", String.format("events/s over HTTP, %d clients × %d events per request", clients, batch),
                "events/s", "raw Kafka producer, same events, settings and batches", true);
        Figure sink = new Figure("UGC ingest", "events/s reaching ClickHouse (first request → last row)", "events/s",
                "raw ClickHouse INSERT, batches of 1,000 same rows", true);
        String delayRaw = "raw Kafka send (acks=all) + ClickHouse INSERT of the event";
        Figure p50 = new Figure("UGC end-to-end delay", String.format("p50 202 → row in ClickHouse, %.0f events/s", settings.ugcDelayRate()), "ms", delayRaw, false);
        Figure p99 = new Figure("UGC end-to-end delay", String.format("p99 202 → row in ClickHouse, %.0f events/s", settings.ugcDelayRate()), "ms", delayRaw, false);

        clickHouse("CREATE DATABASE IF NOT EXISTS cinema_bench");
        clickHouse("CREATE TABLE IF NOT EXISTS cinema_bench.user_events_raw AS " + settings.clickHouseDatabase() + ".user_events");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafka()));
             KafkaProducer<String, byte[]> producer = producer()) {
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 6, (short) 1))).all().get();
            }
            List<String> tokens = new ArrayList<>();
            List<UUID> users = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String token = platform.userToken();
                tokens.add(token);
                users.add(UUID.fromString(Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText()));
            }
            for (int run = 1; run <= settings.runs(); run++) {
                long before = distinctEvents(users);
                long started = System.nanoTime();
                Load.Sample viaHttp = Load.closed("UGC ingest over HTTP, run " + run, clients, settings.seconds(), (client, i) -> {
                    platform.http().send("POST", platform.ugcUrl() + "/ugc/api/v1/events", batchJson(batch), 202,
                            "Authorization", Http.bearer(tokens.get(client)));
                    return -1;
                });
                ingest.platformRuns.add(viaHttp.perSecond() * batch);
                long expected = before + viaHttp.ops() * batch;
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (distinctEvents(users) < expected && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double drained = (System.nanoTime() - started) / 1e9;
                sink.platformRuns.add(viaHttp.ops() * batch / drained);
                System.err.printf("  all %,d events in ClickHouse %.1f s after the first request%n", viaHttp.ops() * batch, drained);

                Load.Sample rawKafka = Load.closed("raw Kafka producer, run " + run, clients, settings.seconds(), (client, i) -> {
                    List<Future<RecordMetadata>> sent = new ArrayList<>();
                    String key = users.get(client).toString();
                    for (String event : events(batch)) {
                        sent.add(producer.send(new ProducerRecord<>(RAW_TOPIC, key, event.getBytes(StandardCharsets.UTF_8))));
                    }
                    for (Future<RecordMetadata> ack : sent) {
                        ack.get();
                    }
                    return -1;
                });
                ingest.baselineRuns.add(rawKafka.perSecond() * batch);
                Load.Sample rawInsert = Load.closed("raw ClickHouse INSERTs of 1,000 rows, run " + run, 2, settings.seconds(), (client, i) -> {
                    insertRaw(rows(1_000, users.get(client)));
                    return -1;
                });
                sink.baselineRuns.add(rawInsert.perSecond() * 1_000);

                Load.Sample delay = Load.steady("UGC 202 → ClickHouse, run " + run, clients, settings.seconds(), settings.ugcDelayRate(),
                        (client, i) -> {
                            UUID eventId = UUID.randomUUID();
                            platform.http().send("POST", platform.ugcUrl() + "/ugc/api/v1/events", event(eventId, Instant.now()), 202,
                                    "Authorization", Http.bearer(tokens.get(client)));
                            long accepted = System.nanoTime();
                            awaitRow(users.get(client), eventId);
                            return System.nanoTime() - accepted;
                        });
                p50.platformRuns.add(delay.p50Millis());
                p99.platformRuns.add(delay.p99Millis());
                Load.Sample rawDelay = Load.steady("raw Kafka send + INSERT, run " + run, clients, settings.seconds(), settings.ugcDelayRate(),
                        (client, i) -> {
                            long begin = System.nanoTime();
                            String event = event(UUID.randomUUID(), Instant.now());
                            producer.send(new ProducerRecord<>(RAW_TOPIC, users.get(client).toString(),
                                    event.getBytes(StandardCharsets.UTF_8))).get();
                            insertRaw(rows(1, users.get(client)));
                            return System.nanoTime() - begin;
                        });
                p50.baselineRuns.add(rawDelay.p50Millis());
                p99.baselineRuns.add(rawDelay.p99Millis());
            }
            admin.deleteTopics(List.of(RAW_TOPIC)).all().get();
        }
        clickHouse("DROP TABLE IF EXISTS cinema_bench.user_events_raw SYNC");
        return List.of(ingest, sink, p50, p99);
    }

    private KafkaProducer<String, byte[]> producer() {
        // As ugc-projection's application.yml configures its producer.
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static String batchJson(int size) {
        return events(size).stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> events(int size) {
        List<String> events = new ArrayList<>(size);
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            events.add(event(UUID.randomUUID(), now));
        }
        return events;
    }

    private static String event(UUID eventId, Instant at) {
        return "{\"type\":\"view_progress\",\"event_id\":\"" + eventId + "\",\"film_id\":\"" + film(eventId)
                + "\",\"occurred_at\":\"" + at + "\",\"position_s\":" + (Math.abs(eventId.hashCode()) % 5400) + ",\"duration_s\":5400}";
    }

    private static UUID film(UUID eventId) {
        return UUID.nameUUIDFromBytes(("bench-film-" + Math.abs(eventId.hashCode() % 500)).getBytes(StandardCharsets.UTF_8));
    }

    /** Rows as the projection writes them (JSONEachRow). */
    private static String rows(int count, UUID user) {
        StringBuilder rows = new StringBuilder();
        String at = Instant.now().toString();
        for (int i = 0; i < count; i++) {
            UUID eventId = UUID.randomUUID();
            rows.append("{\"event_id\":\"").append(eventId).append("\",\"type\":\"view_progress\",\"user_id\":\"").append(user)
                    .append("\",\"film_id\":\"").append(film(eventId)).append("\",\"occurred_at\":\"").append(at)
                    .append("\",\"position_s\":").append(i % 5400).append(",\"duration_s\":5400}\n");
        }
        return rows.toString();
    }

    private void insertRaw(String rows) throws Exception {
        platform.http().send("POST", platform.clickHouseUrl() + "/?date_time_input_format=best_effort&query="
                + URLEncoder.encode("INSERT INTO cinema_bench.user_events_raw FORMAT JSONEachRow", StandardCharsets.UTF_8), rows, 200);
    }

    private void awaitRow(UUID user, UUID eventId) throws Exception {
        String query = "SELECT count() FROM " + settings.clickHouseDatabase() + ".user_events WHERE user_id = '" + user
                + "' AND event_id = '" + eventId + "'";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"1".equals(clickHouse(query).trim())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("event " + eventId + " not in ClickHouse after 60 s");
            }
            Thread.sleep(10);
        }
    }

    private long distinctEvents(List<UUID> users) throws Exception {
        String in = users.stream().map(user -> "'" + user + "'").collect(Collectors.joining(","));
        return Long.parseLong(clickHouse("SELECT uniqExact(event_id) FROM " + settings.clickHouseDatabase()
                + ".user_events WHERE user_id IN (" + in + ")").trim());
    }

    private String clickHouse(String query) throws Exception {
        return platform.http().send("POST", platform.clickHouseUrl() + "/", query, 200).body();
    }
}
