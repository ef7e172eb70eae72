package dev.cinema.command.catalog;

import java.util.List;
import java.util.Map;

/**
 * A catalogue decision that refuses a command because of the catalogue's state (not because the input is malformed).
 * Answered as a 404 or 409 problem with {@link #details()} as extra properties.
 */
public class CatalogRuleException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final transient Map<String, Object> details;

    public CatalogRuleException(Kind kind, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.details = details;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static CatalogRuleException deleted(String kind, Object id) {
        return new CatalogRuleException(Kind.NOT_FOUND, kind + " " + id + " was deleted", Map.of());
    }

    public static CatalogRuleException inUse(String what, List<CatalogReferences.FilmRef> films) {
        return new CatalogRuleException(Kind.CONFLICT,
                what + " is still used by " + films.size() + " film(s); remove it from them first",
                Map.of("films", films));
    }

    public static CatalogRuleException genreNameTaken(String name) {
        return new CatalogRuleException(Kind.CONFLICT, "A genre named '" + name + "' already exists",
                Map.of("errors", List.of(Map.of("field", "name", "message", "is already taken"))));
    }
}
