package dev.cinema.query.catalog;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one projection batch changed: the documents to recompute, and the entities whose change reaches the
 * documents of others (a person's films, a genre's films, a film's persons). The fan-out is resolved when the
 * batch is written (see {@link CatalogDocuments}), under the lock that orders batches, so it sees every link
 * committed before. After the write the sets hold exactly the documents written, for cache invalidation.
 */
public final class CatalogChanges {

    final Set<UUID> films = new TreeSet<>();
    final Set<UUID> persons = new TreeSet<>();
    final Set<UUID> genres = new TreeSet<>();
    final Set<UUID> filmsReachingPersons = new TreeSet<>();
    final Set<UUID> personsReachingFilms = new TreeSet<>();
    final Set<UUID> genresReachingFilms = new TreeSet<>();

    /** A change that shows only in the film's own document (description, genres, type, ...). */
    public void film(UUID id) {
        films.add(id);
    }

    /** A change that shows in the film's document and in the film entries of its persons (title, rating, ...). */
    public void filmAndItsPersons(UUID id) {
        films.add(id);
        filmsReachingPersons.add(id);
    }

    public void person(UUID id) {
        persons.add(id);
    }

    /** A change that shows in the person's document and in every film crediting them (name, existence). */
    public void personAndItsFilms(UUID id) {
        persons.add(id);
        personsReachingFilms.add(id);
    }

    public void genre(UUID id) {
        genres.add(id);
    }

    /** A change that shows in the genre's document and in every film of that genre (name, existence). */
    public void genreAndItsFilms(UUID id) {
        genres.add(id);
        genresReachingFilms.add(id);
    }

    public Set<UUID> films() {
        return films;
    }

    public Set<UUID> persons() {
        return persons;
    }

    public Set<UUID> genres() {
        return genres;
    }

    public boolean isEmpty() {
        return films.isEmpty() && persons.isEmpty() && genres.isEmpty();
    }
}
