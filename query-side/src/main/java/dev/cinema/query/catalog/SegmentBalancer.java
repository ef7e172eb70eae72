package dev.cinema.query.catalog;

import dev.cinema.query.cache.ResponseCache;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Splits the catalogue processor's segments among the running query-side instances. A pooled processor claims
 * every unclaimed segment (token claims in PostgreSQL), so the first instance up would keep them all; without
 * Axon Server nothing rebalances. Each instance announces itself in Redis with a heartbeat, and one owning more
 * than its share ({@code ceil(segments / instances)}) releases the surplus for a while, for another to claim. An
 * instance that stops (or dies: its heartbeat ages out, its claims time out) leaves its segments to the others.
 * A segment changes hands only between batches (claims are checked before a batch's token is stored), so no
 * event is applied twice in a way that shows; and a batch re-applied after a lost claim is idempotent anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final long HEARTBEAT_MILLIS = 5_000;
    private static final long STALE_MILLIS = 3 * HEARTBEAT_MILLIS;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final RScoredSortedSet<String> instances;
    private final String instance = UUID.randomUUID().toString();

    SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc, RedissonClient redisson,
                    ResponseCache.Properties cache) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.instances = redisson.getScoredSortedSet(cache.keyPrefix() + "instances:" + CatalogProcessing.GROUP);
    }

    @Scheduled(fixedDelay = HEARTBEAT_MILLIS, initialDelay = HEARTBEAT_MILLIS)
    void balance() {
        long now = System.currentTimeMillis();
        instances.add(now, instance);
        instances.removeRangeByScore(0, true, now - STALE_MILLIS, false);
        int running = Math.max(1, instances.size());
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(CatalogProcessing.GROUP, StreamingEventProcessor.class).orElseThrow();
        int segments = jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = ?")
                .param(processor.getName()).query(Integer.class).single();
        int share = (segments + running - 1) / running;
        List<Integer> owned = processor.processingStatus().keySet().stream().sorted().toList();
        for (Integer segment : owned.subList(Math.min(share, owned.size()), owned.size())) {
            log.info("Releasing segment {} of {}: {} instances share {} segments, this one owns {}",
                    segment, processor.getName(), running, segments, owned.size());
            processor.releaseSegment(segment, 3 * HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void leave() {
        instances.remove(instance);
    }
}
