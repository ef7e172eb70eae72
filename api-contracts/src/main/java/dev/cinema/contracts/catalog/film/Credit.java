package dev.cinema.contracts.catalog.film;

import java.util.UUID;

/** A person credited on a film in one role; a film's credits are unique on (person, role). */
public record Credit(UUID personId, CreditRole role) {}
