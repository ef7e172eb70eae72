package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record GenreAddedToFilm(UUID filmId, UUID genreId) {}
