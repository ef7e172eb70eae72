package dev.cinema.command.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems the identity commands produce: a unique lookup index that rejected a command (409, naming the field)
 * and a command for a user, role or permission that does not exist (404).
 */
@RestControllerAdvice(basePackages = "dev.cinema.command.identity")
// Before the catalogue's app-wide advice, which handles the same exception types in its own words.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityProblems {

    /** Unique indexes of the identity read side and the request field each one guards. */
    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "identity_user_email_key", "email",
            "identity_role_name_key", "name",
            "identity_permission_name_key", "name");

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrityViolation(DataIntegrityViolationException ex) {
        return violatedUniqueIndex(ex).map(UNIQUE_FIELDS::get)
                .map(field -> conflict(field, "is already taken"))
                // Another constraint: a race with a concurrent change (a role deleted while being granted).
                .orElseGet(() -> problem(HttpStatus.CONFLICT, "The change collided with a concurrent one; retry"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND,
                "The user, role or permission " + ex.getAggregateIdentifier() + " does not exist");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** A 409 that names the field, like the 422s of the service kit. */
    public static ResponseEntity<ProblemDetail> conflict(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, field + ": " + message);
        problem.setTitle("Conflict");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A 400 that names the field: a request that cannot be acted upon at all (an OAuth callback's state). */
    public static ErrorResponseException badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static Optional<String> violatedUniqueIndex(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql
                    && PSQLState.UNIQUE_VIOLATION.getState().equals(psql.getSQLState())
                    && psql.getServerErrorMessage() != null) {
                return Optional.ofNullable(psql.getServerErrorMessage().getConstraint())
                        .filter(UNIQUE_FIELDS::containsKey);
            }
        }
        return Optional.empty();
    }
}
