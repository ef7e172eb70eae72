package dev.cinema.contracts.catalog.person;

import java.util.UUID;

public record PersonRenamed(UUID personId, String fullName) {}
