package dev.cinema.contracts.catalog.person;

import java.util.UUID;

public record PersonCreated(UUID personId, String fullName) {}
