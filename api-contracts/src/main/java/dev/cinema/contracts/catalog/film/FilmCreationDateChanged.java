package dev.cinema.contracts.catalog.film;

import java.time.LocalDate;
import java.util.UUID;

public record FilmCreationDateChanged(UUID filmId, LocalDate creationDate) {}
