package dev.cinema.query.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Elasticsearch out of reach (or an index missing) is the server's trouble, told as a 503 problem, never a bare 500. */
@RestControllerAdvice
public class SearchUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(SearchUnavailableAdvice.class);

    @ExceptionHandler(IOException.class)
    ResponseEntity<ProblemDetail> unreachable(IOException e) {
        log.warn("Elasticsearch is unreachable: {}", e.toString());
        return unavailable();
    }

    @ExceptionHandler(ElasticsearchException.class)
    ResponseEntity<ProblemDetail> failed(ElasticsearchException e) {
        if ("index_not_found_exception".equals(e.error().type())) {
            log.warn("A search index is missing: {}", e.getMessage());
            return unavailable();
        }
        // Anything else is a bug in a query, not the client's fault.
        log.error("Elasticsearch rejected a query", e);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The search backend is unavailable; try again shortly");
        problem.setTitle("Search unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
