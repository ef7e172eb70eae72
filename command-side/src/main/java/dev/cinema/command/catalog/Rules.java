package dev.cinema.command.catalog;

import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The catalogue's input rules, checked by the aggregates themselves (so every path in, REST or importer, obeys
 * them) and reported as 422 naming the field.
 */
public final class Rules {

    public static final int MAX_NAME = 255;
    public static final int MAX_TEXT = 10_000;

    private Rules() {}

    /** A required, stripped text of at most {@code max} characters. */
    public static String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return optionalText(field, value, max);
    }

    /** An optional text: stripped, blank becomes null. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidFieldException(field, "size must be between 0 and " + max);
        }
        return stripped;
    }

    public static Double rating(Double rating) {
        if (rating != null && (rating.isNaN() || rating < 0 || rating > 10)) {
            throw new InvalidFieldException("rating", "must be between 0 and 10");
        }
        return rating;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "must not be null");
        }
        return value;
    }

    public static <T> List<T> noNulls(String field, Collection<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidFieldException(field, "must not contain null");
        }
        return List.copyOf(values);
    }

    /**
     * If-Match for the revise commands: Axon checks {@code @TargetAggregateVersion} when it loads an existing
     * aggregate, but not on the create-if-missing path those commands take, so they check it here.
     */
    public static void expectVersion(Object aggregateId, Long expectedVersion) {
        Long actual = AggregateLifecycle.getVersion();
        if (expectedVersion != null && actual != null && !expectedVersion.equals(actual)) {
            throw new ConflictingAggregateVersionException(String.valueOf(aggregateId), expectedVersion, actual);
        }
    }
}
