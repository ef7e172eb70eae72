package dev.cinema.contracts.catalog.genre;

import java.util.UUID;

public record GenreDeleted(UUID genreId) {}
