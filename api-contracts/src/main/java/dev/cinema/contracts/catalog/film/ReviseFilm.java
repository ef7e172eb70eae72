package dev.cinema.contracts.catalog.film;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Brings a film to exactly this state (PUT, PATCH, the importer), creating it when missing. Emits only the
 * fine-grained events for what differs (FilmRetitled, GenreAddedToFilm, CreditRemoved, ...), nothing when
 * nothing differs, all in one unit of work.
 *
 * @param expectedVersion the version the client saw (If-Match), or null to skip the check
 */
public record ReviseFilm(
        @TargetAggregateIdentifier UUID filmId,
        String title,
        String description,
        LocalDate creationDate,
        Double rating,
        FilmType type,
        List<UUID> genreIds,
        List<Credit> credits,
        @TargetAggregateVersion Long expectedVersion) {}
