package dev.cinema.query.catalog.film;

import dev.cinema.contracts.catalog.film.CreditAdded;
import dev.cinema.contracts.catalog.film.CreditRemoved;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmCreationDateChanged;
import dev.cinema.contracts.catalog.film.FilmDeleted;
import dev.cinema.contracts.catalog.film.FilmDescriptionChanged;
import dev.cinema.contracts.catalog.film.FilmRated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmTypeChanged;
import dev.cinema.contracts.catalog.film.GenreAddedToFilm;
import dev.cinema.contracts.catalog.film.GenreRemovedFromFilm;
import dev.cinema.query.catalog.CatalogDocuments;
import dev.cinema.query.catalog.CatalogProcessing;
import dev.cinema.query.catalog.film.FilmRows.Column;
import java.sql.Date;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Projects film events: records the facts in the lookup state and names the documents that change (the film's;
 * its persons' when the title, rating, credits or existence change). {@link CatalogDocuments} writes them.
 * An event already applied (its sequence number not above the row's) changes nothing. Inputs are checked before
 * any SQL, so a malformed event fails cleanly and is parked (see {@link CatalogProcessing}).
 */
public class FilmProjector {

    private final FilmRows films;
    private final CatalogDocuments documents;

    public FilmProjector(FilmRows films, CatalogDocuments documents) {
        this.films = films;
        this.documents = documents;
    }

    @EventHandler
    void on(FilmCreated event, @SequenceNumber long seq) {
        requireTitle(event.title());
        if (films.create(event, seq)) {
            documents.changes().filmAndItsPersons(event.filmId());
        }
    }

    @EventHandler
    void on(FilmRetitled event, @SequenceNumber long seq) {
        requireTitle(event.title());
        if (films.update(event.filmId(), seq, Column.TITLE, event.title())) {
            documents.changes().filmAndItsPersons(event.filmId());
        }
    }

    @EventHandler
    void on(FilmRated event, @SequenceNumber long seq) {
        if (films.update(event.filmId(), seq, Column.IMDB_RATING, event.rating())) {
            documents.changes().filmAndItsPersons(event.filmId());
        }
    }

    @EventHandler
    void on(FilmDescriptionChanged event, @SequenceNumber long seq) {
        if (films.update(event.filmId(), seq, Column.DESCRIPTION, event.description())) {
            documents.changes().film(event.filmId());
        }
    }

    @EventHandler
    void on(FilmCreationDateChanged event, @SequenceNumber long seq) {
        Date date = event.creationDate() == null ? null : Date.valueOf(event.creationDate());
        if (films.update(event.filmId(), seq, Column.CREATION_DATE, date)) {
            documents.changes().film(event.filmId());
        }
    }

    @EventHandler
    void on(FilmTypeChanged event, @SequenceNumber long seq) {
        if (films.update(event.filmId(), seq, Column.TYPE, event.type() == null ? null : event.type().name())) {
            documents.changes().film(event.filmId());
        }
    }

    @EventHandler
    void on(GenreAddedToFilm event, @SequenceNumber long seq) {
        if (films.advance(event.filmId(), seq)) {
            films.addGenre(event.filmId(), event.genreId());
            documents.changes().film(event.filmId());
        }
    }

    @EventHandler
    void on(GenreRemovedFromFilm event, @SequenceNumber long seq) {
        if (films.advance(event.filmId(), seq)) {
            films.removeGenre(event.filmId(), event.genreId());
            documents.changes().film(event.filmId());
        }
    }

    @EventHandler
    void on(CreditAdded event, @SequenceNumber long seq) {
        if (films.advance(event.filmId(), seq)) {
            films.addCredit(event.filmId(), event.personId(), event.role());
            documents.changes().film(event.filmId());
            documents.changes().person(event.personId());
        }
    }

    @EventHandler
    void on(CreditRemoved event, @SequenceNumber long seq) {
        if (films.advance(event.filmId(), seq)) {
            films.removeCredit(event.filmId(), event.personId(), event.role());
            documents.changes().film(event.filmId());
            documents.changes().person(event.personId());
        }
    }

    @EventHandler
    void on(FilmDeleted event, @SequenceNumber long seq) {
        if (films.update(event.filmId(), seq, Column.DELETED, true)) {
            documents.changes().filmAndItsPersons(event.filmId());
        }
    }

    private static void requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A film needs a title");
        }
    }
}
