package dev.cinema.query.catalog.person;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cinema.query.search.SearchIndex;
import java.util.List;
import java.util.UUID;

/** A person as stored in the {@code persons} index (mappings in {@code elasticsearch/persons/mappings.json}). */
public record PersonDocument(UUID id, @JsonProperty("full_name") String fullName, List<FilmEntry> films) {

    public static final SearchIndex INDEX = new SearchIndex("persons", 1);

    /** A film crediting the person, with the roles held on it (lower case, as the seed API shows them). */
    public record FilmEntry(UUID id, String title, @JsonProperty("imdb_rating") Double imdbRating, List<String> roles) {}
}
