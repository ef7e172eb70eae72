package dev.cinema.contracts.catalog.film;

import java.util.UUID;

/** The rating is 0..10, or null when the rating was withdrawn. */
public record FilmRated(UUID filmId, Double rating) {}
