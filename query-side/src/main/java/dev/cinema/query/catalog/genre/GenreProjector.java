package dev.cinema.query.catalog.genre;

import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.genre.GenreDeleted;
import dev.cinema.contracts.catalog.genre.GenreDescriptionChanged;
import dev.cinema.contracts.catalog.genre.GenreRenamed;
import dev.cinema.query.catalog.CatalogDocuments;
import dev.cinema.query.catalog.genre.GenreRows.Column;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Projects genre events into the lookup state; a genre's name and existence also show in its films, which
 * {@link CatalogDocuments} recomputes, its description only in its own document. Redelivery changes nothing.
 */
public class GenreProjector {

    private final GenreRows genres;
    private final CatalogDocuments documents;

    public GenreProjector(GenreRows genres, CatalogDocuments documents) {
        this.genres = genres;
        this.documents = documents;
    }

    @EventHandler
    void on(GenreCreated event, @SequenceNumber long seq) {
        requireName(event.name());
        if (genres.create(event.genreId(), seq, event.name(), event.description())) {
            documents.changes().genreAndItsFilms(event.genreId());
        }
    }

    @EventHandler
    void on(GenreRenamed event, @SequenceNumber long seq) {
        requireName(event.name());
        if (genres.update(event.genreId(), seq, Column.NAME, event.name())) {
            documents.changes().genreAndItsFilms(event.genreId());
        }
    }

    @EventHandler
    void on(GenreDescriptionChanged event, @SequenceNumber long seq) {
        if (genres.update(event.genreId(), seq, Column.DESCRIPTION, event.description())) {
            documents.changes().genre(event.genreId());
        }
    }

    @EventHandler
    void on(GenreDeleted event, @SequenceNumber long seq) {
        if (genres.update(event.genreId(), seq, Column.DELETED, true)) {
            documents.changes().genreAndItsFilms(event.genreId());
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A genre needs a name");
        }
    }
}
