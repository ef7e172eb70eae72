package dev.cinema.contracts.catalog.person;

import java.util.UUID;

public record PersonDeleted(UUID personId) {}
