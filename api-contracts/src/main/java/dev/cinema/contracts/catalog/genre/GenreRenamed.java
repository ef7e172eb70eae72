package dev.cinema.contracts.catalog.genre;

import java.util.UUID;

public record GenreRenamed(UUID genreId, String name) {}
