package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record FilmTypeChanged(UUID filmId, FilmType type) {}
