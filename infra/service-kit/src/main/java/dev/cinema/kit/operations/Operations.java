package dev.cinema.kit.operations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What an app exposes to operators about its event processors. Each app implements it once; the kit's
 * {@link OperationsController} serves it under {@code cinema.operations.path} for the admin role. The records are
 * written in snake_case, as the rest of the public API, whatever naming the app's Jackson uses otherwise.
 */
public interface Operations {

    List<ProcessorView> processors();

    /** The processing groups that can hold dead letters. */
    List<String> deadLetterGroups();

    /** A page of dead letters of one group, oldest first. */
    List<DeadLetterView> deadLetters(String group, int offset, int limit);

    long deadLetterCount(String group);

    /** Processes one dead letter again; true when it went through and left the queue. */
    boolean retry(String group, String id);

    /** Retries every dead letter of the group; how many went through and how many stayed. */
    RetryOutcome retryAll(String group);

    /** Drops a dead letter for good; false when there was none with that id. */
    boolean evict(String group, String id);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RetryOutcome(int retried, int failed) {
    }
}
