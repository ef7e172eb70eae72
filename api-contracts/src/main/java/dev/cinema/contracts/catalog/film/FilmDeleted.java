package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record FilmDeleted(UUID filmId) {}
