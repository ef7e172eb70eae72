package dev.cinema.ugc.operations;

import dev.cinema.kit.operations.DeadLetterView;
import dev.cinema.kit.operations.Operations;
import dev.cinema.kit.operations.ProcessorView;
import dev.cinema.kit.operations.ProcessorView.SegmentView;
import dev.cinema.ugc.BackgroundRetry;
import dev.cinema.ugc.kafka.UgcKafkaProperties;
import dev.cinema.ugc.operations.DeadLetterTopic.Letter;
import dev.cinema.ugc.projection.ActivityProjector;
import dev.cinema.ugc.projection.ProjectionStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.axonframework.messaging.Headers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * The operations API of ugc-projection (served by the service kit under {@code cinema.operations.path}): its one
 * processor is the projection's Kafka consumer group, a segment per partition of the UGC topic (owner = the group
 * member holding it, position = committed offset, lag = end offset − committed); its dead letters are the records
 * parked on the dead-letter topic ({@link DeadLetterTopic}).
 */
@Component
public class UgcOperations implements Operations {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final ProjectionStatus projection;
    private final DeadLetterTopic deadLetters;
    private final UgcKafkaProperties properties;
    private final String group;

    public UgcOperations(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, ProjectionStatus projection,
                         DeadLetterTopic deadLetters, UgcKafkaProperties properties,
                         @Value("${spring.kafka.consumer.group-id}") String group) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.group = group;
    }

    @Override
    public List<ProcessorView> processors() {
        MessageListenerContainer container = listeners.getListenerContainer(ActivityProjector.LISTENER_ID);
        boolean running = container != null && container.isRunning() && !container.isPauseRequested();
        String error = projection.failure().map(Object::toString).orElse(null);
        Partitions partitions;
        try {
            partitions = partitions();
        } catch (ExecutionException | TimeoutException e) {
            String kafkaDown = "Kafka did not answer: " + BackgroundRetry.describe(e);
            return List.of(new ProcessorView(group, "kafka-consumer", running, false, 0, 0,
                    error == null ? kafkaDown : error + "; " + kafkaDown, List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeadLetterTopic.unavailable("interrupted", e);
        }
        long lag = partitions.segments().stream().mapToLong(SegmentView::lag).sum();
        return List.of(new ProcessorView(group, "kafka-consumer", running, false, partitions.head(), lag, error,
                partitions.segments()));
    }

    /** @param head the sum of the partitions' end offsets */
    private record Partitions(List<SegmentView> segments, long head) {
    }

    private Partitions partitions() throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ugc-operations");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            String topic = properties.topic();
            List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames())
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, ListOffsetsResultInfo> earliest = get(admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.earliest()))).all());
            Map<TopicPartition, ListOffsetsResultInfo> latest = get(admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all());
            ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
            Map<TopicPartition, String> owners = new HashMap<>();
            for (MemberDescription member : description.members()) {
                member.assignment().topicPartitions().forEach(partition ->
                        owners.put(partition, member.clientId() + "@" + member.host().replaceFirst("^/", "")));
            }
            List<SegmentView> segments = new ArrayList<>();
            long head = 0;
            for (TopicPartition partition : partitions) {
                long end = latest.get(partition).offset();
                head += end;
                OffsetAndMetadata offset = committed.get(partition);
                Long position = offset == null ? null : offset.offset();
                long from = position == null ? earliest.get(partition).offset() : position;
                long lag = Math.max(0, end - from);
                segments.add(new SegmentView(partition.partition(), owners.get(partition), position, lag, false, null));
            }
            segments.sort((a, b) -> Integer.compare(a.id(), b.id()));
            return new Partitions(segments, head);
        }
    }

    private static <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<String> deadLetterGroups() {
        return List.of(group);
    }

    @Override
    public List<DeadLetterView> deadLetters(String group, int offset, int limit) {
        return deadLetters.open().stream().skip(offset).limit(limit).map(this::view).toList();
    }

    @Override
    public long deadLetterCount(String group) {
        return deadLetters.open().size();
    }

    @Override
    public boolean retry(String group, String id) {
        Letter letter = find(id);
        return letter != null && deadLetters.retry(letter);
    }

    @Override
    public RetryOutcome retryAll(String group) {
        int retried = 0;
        int failed = 0;
        for (Letter letter : deadLetters.open()) {
            if (deadLetters.retry(letter)) {
                retried++;
            } else {
                failed++;
            }
        }
        return new RetryOutcome(retried, failed);
    }

    @Override
    public boolean evict(String group, String id) {
        Letter letter = find(id);
        if (letter == null) {
            return false;
        }
        deadLetters.evict(letter);
        return true;
    }

    private Letter find(String id) {
        return deadLetters.open().stream().filter(letter -> letter.id().equals(id)).findFirst().orElse(null);
    }

    private DeadLetterView view(Letter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        String exception = text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN));
        String message = text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        String cause = (exception == null ? "unknown"
                : exception.substring(Math.max(exception.lastIndexOf('.'), exception.lastIndexOf('$')) + 1))
                + (message == null ? "" : ": " + message);
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("original_topic", text(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)));
        diagnostics.put("original_partition", number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)));
        diagnostics.put("original_offset", number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)));
        diagnostics.put("retries", letter.retries());
        if (letter.outcome() != null) {
            diagnostics.put("last_retry_cause", letter.outcome().cause());
        }
        return new DeadLetterView(letter.id(), group, record.key(),
                text(record.headers().lastHeader(Headers.MESSAGE_TYPE)),
                text(record.headers().lastHeader(Headers.MESSAGE_ID)),
                cause, Instant.ofEpochMilli(record.timestamp()),
                letter.outcome() == null ? null : letter.outcome().at(), diagnostics);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes the original partition as 4 bytes and offsets as 8 (big-endian). */
    private static Long number(Header header) {
        if (header == null || header.value() == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(header.value());
        return switch (header.value().length) {
            case Integer.BYTES -> (long) bytes.getInt();
            case Long.BYTES -> bytes.getLong();
            default -> null;
        };
    }
}
