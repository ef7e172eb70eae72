package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record CreditAdded(UUID filmId, UUID personId, CreditRole role) {}
