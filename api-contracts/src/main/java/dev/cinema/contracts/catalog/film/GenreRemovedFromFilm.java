package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record GenreRemovedFromFilm(UUID filmId, UUID genreId) {}
