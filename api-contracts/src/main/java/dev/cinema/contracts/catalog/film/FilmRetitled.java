package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record FilmRetitled(UUID filmId, String title) {}
