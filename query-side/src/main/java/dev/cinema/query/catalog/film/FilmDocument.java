package dev.cinema.query.catalog.film;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.query.search.SearchIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A film as stored in the {@code films} index (mappings in {@code elasticsearch/films/mappings.json}). */
public record FilmDocument(
        UUID id,
        @JsonProperty("imdb_rating") Double imdbRating,
        String title,
        String description,
        String type,
        @JsonProperty("creation_date") String creationDate,
        List<Ref> genres,
        List<Ref> actors,
        List<Ref> writers,
        List<Ref> directors,
        @JsonProperty("actors_names") List<String> actorsNames,
        @JsonProperty("writers_names") List<String> writersNames,
        @JsonProperty("directors_names") List<String> directorsNames) {

    public static final SearchIndex INDEX = new SearchIndex("films", 1);

    /** A genre or person named in a film, with the name it had when the document was computed. */
    public record Ref(UUID id, String name) {}

    static FilmDocument of(UUID id, String title, String description, Double rating, LocalDate creationDate,
                           String type, List<Ref> genres, Map<CreditRole, List<Ref>> credits) {
        List<Ref> actors = credits.getOrDefault(CreditRole.ACTOR, List.of());
        List<Ref> writers = credits.getOrDefault(CreditRole.WRITER, List.of());
        List<Ref> directors = credits.getOrDefault(CreditRole.DIRECTOR, List.of());
        return new FilmDocument(id, rating, title, description, type,
                creationDate == null ? null : creationDate.toString(), genres, actors, writers, directors,
                names(actors), names(writers), names(directors));
    }

    private static List<String> names(List<Ref> refs) {
        return refs.stream().map(Ref::name).toList();
    }
}
