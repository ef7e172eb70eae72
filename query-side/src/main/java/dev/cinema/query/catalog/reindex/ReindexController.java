package dev.cinema.query.catalog.reindex;

import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Reindex jobs for admins: start one, watch it, cancel it (see {@link ReindexRunner}). */
@RestController
@RequestMapping("/movies/api/v1/admin/reindex")
class ReindexController {

    private final ReindexRunner runner;

    ReindexController(ReindexRunner runner) {
        this.runner = runner;
    }

    /** @param indices the indices to rebuild: any of films, persons, genres; all three when absent */
    record ReindexRequest(List<String> indices) {
    }

    @Operation(summary = "Start a reindex by event replay; 409 while one runs")
    @PostMapping
    ResponseEntity<ReindexJob> start(@RequestBody(required = false) ReindexRequest request) throws IOException {
        List<String> names = request == null || request.indices() == null
                ? ReindexRunner.INDICES.stream().map(index -> index.name()).toList()
                : request.indices();
        List<String> known = ReindexRunner.INDICES.stream().map(index -> index.name()).toList();
        if (names.isEmpty() || !known.containsAll(names)) {
            throw new InvalidFieldException("indices", "must name one or more of " + known);
        }
        ReindexJob job = runner.start(names);
        return ResponseEntity.accepted().location(URI.create("/movies/api/v1/admin/reindex/" + job.id())).body(job);
    }

    @Operation(summary = "The latest reindex jobs, newest first")
    @GetMapping
    List<ReindexJob> latest() {
        return runner.latest();
    }

    @Operation(summary = "A reindex job: state, events processed, total, percent, rate, ETA")
    @GetMapping("/{id}")
    ReindexJob job(@PathVariable UUID id) {
        return runner.job(id).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Cancel a running reindex: its new indices are dropped, the live ones untouched")
    @DeleteMapping("/{id}")
    ResponseEntity<ReindexJob> cancel(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(runner.cancel(id).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "Cancel a running reindex (the same as DELETE)")
    @PostMapping("/{id}/cancel")
    ResponseEntity<ReindexJob> cancelByPost(@PathVariable UUID id) {
        return cancel(id);
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no reindex job " + id);
    }
}
