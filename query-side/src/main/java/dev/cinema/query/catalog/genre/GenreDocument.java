package dev.cinema.query.catalog.genre;

import dev.cinema.query.search.SearchIndex;
import java.util.UUID;

/** A genre as stored in the {@code genres} index (mappings in {@code elasticsearch/genres/mappings.json}). */
public record GenreDocument(UUID id, String name, String description) {

    public static final SearchIndex INDEX = new SearchIndex("genres", 1);
}
