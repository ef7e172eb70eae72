package dev.cinema.kit.operations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One event processor as operators see it, the same shape in every app: an Axon streaming processor on
 * query-side, a Kafka consumer group on ugc-projection.
 *
 * @param name       the processor (processing group or consumer group)
 * @param kind       {@code axon-pooled-streaming}, {@code axon-tracking} or {@code kafka-consumer}
 * @param running    whether it is processing now
 * @param replaying  whether any segment is replaying (a reset or a reindex)
 * @param head       the position of the newest event the processor could handle (event store head, or the sum
 *                   of the partitions' end offsets)
 * @param lag        how far the processor is behind: the slowest segment's distance to the head for Axon (its segments
 *                   share one position space), the sum over the partitions for Kafka (each has its own offsets)
 * @param error      the processor's error, or null when healthy
 * @param segments   one row per segment (Axon segment or Kafka partition)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProcessorView(String name, String kind, boolean running, boolean replaying, long head, long lag,
                            String error, List<SegmentView> segments) {

    /**
     * @param id        segment id, or the Kafka partition
     * @param owner     the node that holds the claim, or null when unclaimed
     * @param position  the last handled position or committed offset, or null before the first event
     * @param lag       events of this segment not yet handled
     * @param replaying whether this segment is replaying
     * @param error     this segment's error, or null
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SegmentView(int id, String owner, Long position, long lag, boolean replaying, String error) {
    }
}
