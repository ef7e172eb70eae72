package dev.cinema.command.catalog;

import dev.cinema.contracts.catalog.film.CreditAdded;
import dev.cinema.contracts.catalog.film.CreditRemoved;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmDeleted;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.GenreAddedToFilm;
import dev.cinema.contracts.catalog.film.GenreRemovedFromFilm;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.genre.GenreDeleted;
import dev.cinema.contracts.catalog.genre.GenreRenamed;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonDeleted;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalogue lookup tables (V10__catalog_lookups.sql). Runs in the SUBSCRIBING processing group
 * {@value #GROUP} with errors propagated (see {@link CatalogConfiguration}): it writes in the transaction of the
 * command whose events it sees, so a failure here (a unique genre name, a foreign key) rolls the command back.
 */
@Component
@ProcessingGroup(CatalogLookupProjector.GROUP)
class CatalogLookupProjector {

    static final String GROUP = "catalog-lookups";

    private final JdbcTemplate jdbc;

    CatalogLookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GenreCreated event) {
        jdbc.update("INSERT INTO catalog_genre (genre_id, name) VALUES (?, ?)", event.genreId(), event.name());
    }

    @EventHandler
    void on(GenreRenamed event) {
        jdbc.update("UPDATE catalog_genre SET name = ? WHERE genre_id = ?", event.name(), event.genreId());
    }

    @EventHandler
    void on(GenreDeleted event) {
        jdbc.update("DELETE FROM catalog_genre WHERE genre_id = ?", event.genreId());
    }

    @EventHandler
    void on(PersonCreated event) {
        jdbc.update("INSERT INTO catalog_person (person_id, full_name) VALUES (?, ?)", event.personId(), event.fullName());
    }

    @EventHandler
    void on(PersonRenamed event) {
        jdbc.update("UPDATE catalog_person SET full_name = ? WHERE person_id = ?", event.fullName(), event.personId());
    }

    @EventHandler
    void on(PersonDeleted event) {
        jdbc.update("DELETE FROM catalog_person WHERE person_id = ?", event.personId());
    }

    @EventHandler
    void on(FilmCreated event) {
        jdbc.update("INSERT INTO catalog_film (film_id, title) VALUES (?, ?)", event.filmId(), event.title());
        jdbc.batchUpdate("INSERT INTO catalog_film_genre (film_id, genre_id) VALUES (?, ?)",
                event.genreIds().stream().map(g -> new Object[] {event.filmId(), g}).toList());
        jdbc.batchUpdate("INSERT INTO catalog_film_credit (film_id, person_id, role) VALUES (?, ?, ?)",
                event.credits().stream().map(c -> new Object[] {event.filmId(), c.personId(), c.role().name()}).toList());
    }

    @EventHandler
    void on(FilmRetitled event) {
        jdbc.update("UPDATE catalog_film SET title = ? WHERE film_id = ?", event.title(), event.filmId());
    }

    @EventHandler
    void on(GenreAddedToFilm event) {
        jdbc.update("INSERT INTO catalog_film_genre (film_id, genre_id) VALUES (?, ?)", event.filmId(), event.genreId());
    }

    @EventHandler
    void on(GenreRemovedFromFilm event) {
        jdbc.update("DELETE FROM catalog_film_genre WHERE film_id = ? AND genre_id = ?", event.filmId(), event.genreId());
    }

    @EventHandler
    void on(CreditAdded event) {
        jdbc.update("INSERT INTO catalog_film_credit (film_id, person_id, role) VALUES (?, ?, ?)",
                event.filmId(), event.personId(), event.role().name());
    }

    @EventHandler
    void on(CreditRemoved event) {
        jdbc.update("DELETE FROM catalog_film_credit WHERE film_id = ? AND person_id = ? AND role = ?",
                event.filmId(), event.personId(), event.role().name());
    }

    @EventHandler
    void on(FilmDeleted event) {
        // The film's genre and credit rows go with it (ON DELETE CASCADE).
        jdbc.update("DELETE FROM catalog_film WHERE film_id = ?", event.filmId());
    }
}
