package dev.cinema.query.catalog;

import java.util.Collection;
import java.util.UUID;

/** Helpers for the lookup-state SQL: id sets travel as a text array cast to uuid[] ({@code = ANY(?::uuid[])}). */
public final class CatalogRows {

    private CatalogRows() {
    }

    public static String[] idArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
