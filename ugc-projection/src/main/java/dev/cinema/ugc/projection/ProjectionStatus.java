package dev.cinema.ugc.projection;

import dev.cinema.ugc.BackgroundRetry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether the projection's last batch went through, for operators: set when a batch fails (ClickHouse down, slow,
 * refusing; the dead-letter topic unreachable) and cleared by the next batch that succeeds.
 */
@Component
public class ProjectionStatus {

    private final Clock clock;
    private volatile Failure failure;

    public ProjectionStatus(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param cause    the last attempt's failure
     * @param since    when the first failed attempt of this run of failures happened
     * @param attempts failed attempts since then
     */
    public record Failure(String cause, Instant since, int attempts) {

        @Override
        public String toString() {
            return cause + " (failing since " + since + ", " + attempts + " attempt(s), retrying)";
        }
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    synchronized void failed(Exception e) {
        Failure last = failure;
        failure = new Failure(BackgroundRetry.describe(e), last == null ? clock.instant() : last.since(),
                last == null ? 1 : last.attempts() + 1);
    }

    void succeeded() {
        failure = null;
    }
}
