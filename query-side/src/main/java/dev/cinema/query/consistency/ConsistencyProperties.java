package dev.cinema.query.consistency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Read-your-writes.
 *
 * @param processors   the live projection processors a consistency token waits for (not a reindex's own ones)
 * @param timeout      the longest a request waits before answering 503
 * @param pollInterval how often the processors' tokens are read while waiting
 */
@ConfigurationProperties("cinema.consistency")
public record ConsistencyProperties(List<String> processors, Duration timeout, Duration pollInterval) {

    public ConsistencyProperties {
        processors = processors == null ? List.of("catalog") : List.copyOf(processors);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        pollInterval = pollInterval == null ? Duration.ofMillis(25) : pollInterval;
    }
}
