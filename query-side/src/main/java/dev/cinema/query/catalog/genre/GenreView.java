package dev.cinema.query.catalog.genre;

import java.util.UUID;

/** A genre in the content API, with the seed's field names. */
public record GenreView(UUID uuid, String name) {

    static GenreView of(GenreDocument document) {
        return new GenreView(document.id(), document.name());
    }
}
