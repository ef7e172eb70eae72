package dev.cinema.contracts.catalog.film;

import java.util.UUID;

public record CreditRemoved(UUID filmId, UUID personId, CreditRole role) {}
