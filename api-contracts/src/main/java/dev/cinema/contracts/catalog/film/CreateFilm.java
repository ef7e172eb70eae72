package dev.cinema.contracts.catalog.film;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enters a film with its genres and credits in one fact; every genre and person must exist. */
public record CreateFilm(
        @TargetAggregateIdentifier UUID filmId,
        String title,
        String description,
        LocalDate creationDate,
        Double rating,
        FilmType type,
        List<UUID> genreIds,
        List<Credit> credits) {}
