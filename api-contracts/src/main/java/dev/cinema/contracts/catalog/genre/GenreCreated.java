package dev.cinema.contracts.catalog.genre;

import java.util.UUID;

public record GenreCreated(UUID genreId, String name, String description) {}
