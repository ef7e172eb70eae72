package dev.cinema.command.catalog.web;

import dev.cinema.command.catalog.CatalogRuleException;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the catalogue's own refusals: 404 (unknown or deleted), 409 (stale If-Match version, genre
 * name taken, genre/person still used by films, a race caught by a database constraint), 422 for input that
 * only fails once read (PATCH bodies), 400 for a malformed If-Match.
 */
@RestControllerAdvice
public class CatalogProblems {

    /** Input errors found outside bean validation of a request body: 422 with {@code errors: [{field, message}]}. */
    public static class InvalidFieldsException extends RuntimeException {
        private final List<Map<String, String>> errors;

        public InvalidFieldsException(List<Map<String, String>> errors) {
            super("invalid fields");
            this.errors = errors;
        }
    }

    /** A request header that cannot be read (If-Match): 400 naming the header. */
    public static class BadHeaderException extends RuntimeException {
        private final String header;

        public BadHeaderException(String header, String message) {
            super(message);
            this.header = header;
        }
    }

    /** A PATCH body value of the wrong type: 400 naming the field, like an unreadable POST body. */
    public static class WrongTypeException extends RuntimeException {
        private final String field;

        public WrongTypeException(String field) {
            super("has the wrong type or format");
            this.field = field;
        }
    }

    @ExceptionHandler(CatalogRuleException.class)
    ResponseEntity<ProblemDetail> rule(CatalogRuleException ex) {
        HttpStatus status = ex.kind() == CatalogRuleException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        body.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "The catalogue refuses this change");
        ex.details().forEach(body::setProperty);
        return respond(body);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "If-Match names version " + ex.getExpectedVersion() + " but the current version is " + ex.getActualVersion()
                        + "; reload and retry");
        body.setTitle("Version conflict");
        body.setProperty("currentVersion", ex.getActualVersion());
        body.setProperty("expectedVersion", ex.getExpectedVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(Long.toString(ex.getActualVersion())).body(body);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getAggregateIdentifier() + " does not exist");
        body.setTitle("Not found");
        return respond(body);
    }

    /** Axon found events under the id, but of another kind of item (GET /films/{id of a person}, PUT onto it). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(IncompatibleAggregateException ex, HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod());
        HttpStatus status = read ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "The id belongs to an item of another kind");
        body.setTitle(read ? "Not found" : "The catalogue refuses this change");
        return respond(body);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                String.join("; ", ex.errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()));
        body.setTitle("The request has invalid fields");
        body.setProperty("errors", ex.errors);
        return respond(body);
    }

    @ExceptionHandler(BadHeaderException.class)
    ResponseEntity<ProblemDetail> badHeader(BadHeaderException ex) {
        return badRequest("The request has an unreadable header", ex.header, ex.getMessage());
    }

    @ExceptionHandler(WrongTypeException.class)
    ResponseEntity<ProblemDetail> wrongType(WrongTypeException ex) {
        return badRequest("The request body has a value of the wrong type", ex.field, ex.getMessage());
    }

    /**
     * A unique or foreign key of the lookup tables, or the event store's (aggregate, sequence) key, stopped a command
     * that raced another (two genres given one name at once, a genre deleted while being added to a film).
     */
    @ExceptionHandler({DataIntegrityViolationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> collision(RuntimeException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change collided with a concurrent one; reload and retry");
        body.setTitle("The catalogue refuses this change");
        return respond(body);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String title, String field, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        body.setTitle(title);
        body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return respond(body);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
