package dev.cinema.contracts.catalog.genre;

import java.util.UUID;

/** The description may become null (cleared). */
public record GenreDescriptionChanged(UUID genreId, String description) {}
