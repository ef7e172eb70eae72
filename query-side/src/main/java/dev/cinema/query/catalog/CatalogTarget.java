package dev.cinema.query.catalog;

import dev.cinema.query.search.SearchIndex;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where one catalogue projection keeps its state: the schema of its lookup tables ({@code catalog_film}, ...) and the
 * names it writes each index under. The live projection writes the aliases clients read and keeps the lookup tables
 * of Flyway's schema; a reindex writes the next index versions (through aliases of their own, so a write to an index
 * dropped by a cancel fails instead of auto-creating one) and keeps a replay-scoped copy of the tables.
 *
 * @param name      names the projection in logs and in its unit-of-work resources
 * @param schema    the schema holding this projection's lookup tables
 * @param indices   the name to write each index under, by {@link SearchIndex#name()}; an index not named here is
 *                  not written (a reindex of some indices only)
 * @param writeLock the key of the advisory lock that orders this projection's write phases (see
 *                  {@link CatalogDocuments}); each projection has its own, so a replay never waits for the live one
 * @param live      whether clients read what this projection writes: its writes refresh the indices at once and
 *                  are announced to the {@link CatalogChangeListener}s (the response cache)
 */
public record CatalogTarget(String name, String schema, Map<String, String> indices, long writeLock, boolean live) {

    /** The lookup tables, as the projection's SQL names them; qualified with the target's schema before use. */
    private static final Pattern LOOKUP_TABLE =
            Pattern.compile("(?<![.\\w])(catalog_(?:film_genre|film_credit|film|person|genre))\\b");

    private static final Map<String, Map<String, String>> QUALIFIED = new ConcurrentHashMap<>();

    public CatalogTarget {
        indices = Map.copyOf(indices);
    }

    /** The name {@code index} is written under, or empty when this projection does not write it. */
    public Optional<String> writeName(SearchIndex index) {
        return Optional.ofNullable(indices.get(index.name()));
    }

    /** {@code sql} with each lookup table qualified by this target's schema ({@code catalog_film} → {@code s.catalog_film}). */
    public String sql(String sql) {
        return QUALIFIED.computeIfAbsent(schema, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(sql, text -> LOOKUP_TABLE.matcher(text).replaceAll(schema + ".$1"));
    }
}
