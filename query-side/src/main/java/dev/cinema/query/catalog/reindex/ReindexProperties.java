package dev.cinema.query.catalog.reindex;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a reindex replays.
 *
 * @param segments    segments of the replay processor (threads writing in parallel; their write phases are
 *                    serialised, so more than a few only adds contention)
 * @param batchSize   events per batch and segment: bigger batches mean fewer, larger bulk requests and commits
 * @param swapTimeout how long the final catch-up may hold the live projection's writes before the swap is put off
 * @param oldVersionsGrace how long the old versions stay after the swap, so that searches that resolved the alias
 *                    before it finish on them instead of failing
 */
@ConfigurationProperties("cinema.reindex")
public record ReindexProperties(Integer segments, Integer batchSize, Duration swapTimeout, Duration oldVersionsGrace) {

    public ReindexProperties {
        segments = segments == null ? 4 : segments;
        batchSize = batchSize == null ? 500 : batchSize;
        swapTimeout = swapTimeout == null ? Duration.ofSeconds(20) : swapTimeout;
        oldVersionsGrace = oldVersionsGrace == null ? Duration.ofSeconds(5) : oldVersionsGrace;
    }
}
