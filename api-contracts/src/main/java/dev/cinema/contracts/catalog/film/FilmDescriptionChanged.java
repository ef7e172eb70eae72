package dev.cinema.contracts.catalog.film;

import java.util.UUID;

/** The description may become null (cleared). */
public record FilmDescriptionChanged(UUID filmId, String description) {}
