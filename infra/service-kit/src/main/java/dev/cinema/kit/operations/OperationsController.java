package dev.cinema.kit.operations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operations API every app with event processors serves, under {@code cinema.operations.path}
 * (e.g. {@code /movies/api/v1/admin}). The app's security configuration restricts that path to admins.
 */
@RestController
@RequestMapping("${cinema.operations.path}")
public class OperationsController {

    private static final int MAX_PAGE_SIZE = 500;

    private final Operations operations;

    public OperationsController(Operations operations) {
        this.operations = operations;
    }

    @GetMapping("/processors")
    public List<ProcessorView> processors() {
        return operations.processors();
    }

    @GetMapping("/dead-letters")
    public List<String> deadLetterGroups() {
        return operations.deadLetterGroups();
    }

    /** A page of one group's dead letters, oldest first; the total is in {@code X-Total-Count}. */
    @GetMapping("/dead-letters/{group}")
    public ResponseEntity<List<DeadLetterView>> deadLetters(@PathVariable String group,
                                                            @RequestParam(defaultValue = "0") int offset,
                                                            @RequestParam(defaultValue = "50") int limit) {
        requireGroup(group);
        if (offset < 0) {
            throw new InvalidFieldException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(operations.deadLetterCount(group)))
                .body(operations.deadLetters(group, offset, limit));
    }

    @PostMapping("/dead-letters/{group}/{id}/retry")
    public RetryResult retry(@PathVariable String group, @PathVariable String id) {
        requireGroup(group);
        return new RetryResult(operations.retry(group, id));
    }

    @PostMapping("/dead-letters/{group}/retry")
    public Operations.RetryOutcome retryAll(@PathVariable String group) {
        requireGroup(group);
        return operations.retryAll(group);
    }

    @DeleteMapping("/dead-letters/{group}/{id}")
    public ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String id) {
        requireGroup(group);
        if (!operations.evict(group, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id + " in " + group);
        }
        return ResponseEntity.noContent().build();
    }

    private void requireGroup(String group) {
        if (!operations.deadLetterGroups().contains(group)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no processing group " + group);
        }
    }

    /** @param retried true when the event went through and left the dead-letter queue */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RetryResult(boolean retried) {
    }
}
