package dev.cinema.query.catalog.film;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cinema.query.catalog.film.FilmDocument.Ref;
import java.util.List;
import java.util.UUID;

/** Films in the content API, with the seed's field names. */
public final class FilmViews {

    private FilmViews() {
    }

    /** A film in lists and search results. */
    public record FilmSummary(UUID uuid, String title, @JsonProperty("imdb_rating") Double imdbRating) {

        static final List<String> FIELDS = List.of("id", "title", "imdb_rating");

        static FilmSummary of(FilmDocument film) {
            return new FilmSummary(film.id(), film.title(), film.imdbRating());
        }
    }

    public record GenreRef(UUID uuid, String name) {}

    public record PersonRef(UUID uuid, @JsonProperty("full_name") String fullName) {}

    /** One film with its genres and credits. */
    public record FilmDetails(UUID uuid, String title, @JsonProperty("imdb_rating") Double imdbRating,
                              String description, List<GenreRef> genres, List<PersonRef> actors,
                              List<PersonRef> writers, List<PersonRef> directors) {

        static FilmDetails of(FilmDocument film) {
            return new FilmDetails(film.id(), film.title(), film.imdbRating(), film.description(),
                    film.genres().stream().map(g -> new GenreRef(g.id(), g.name())).toList(),
                    persons(film.actors()), persons(film.writers()), persons(film.directors()));
        }

        private static List<PersonRef> persons(List<Ref> refs) {
            return refs.stream().map(p -> new PersonRef(p.id(), p.name())).toList();
        }
    }
}
