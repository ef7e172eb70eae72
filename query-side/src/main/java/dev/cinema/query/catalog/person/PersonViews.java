package dev.cinema.query.catalog.person;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** Persons in the content API, with the seed's field names. */
public final class PersonViews {

    private PersonViews() {
    }

    public record PersonFilm(UUID uuid, List<String> roles) {}

    public record PersonView(UUID uuid, @JsonProperty("full_name") String fullName, List<PersonFilm> films) {

        static final List<String> FIELDS = List.of("id", "full_name", "films.id", "films.roles");

        static PersonView of(PersonDocument person) {
            return new PersonView(person.id(), person.fullName(), person.films() == null ? List.of()
                    : person.films().stream().map(f -> new PersonFilm(f.id(), f.roles())).toList());
        }
    }

    /** A film of a person's film list (the films list's shape). */
    public record FilmOfPerson(UUID uuid, String title, @JsonProperty("imdb_rating") Double imdbRating) {}
}
