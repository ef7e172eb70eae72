package dev.cinema.contracts.catalog.film;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A film entered the catalogue with its initial facts. Genres and credits are part of the creation fact so
 * that a film is never visible half-made; later changes come as fine-grained events.
 *
 * @param rating 0..10, or null when the film has no rating
 * @param description may be null
 * @param creationDate may be null
 */
public record FilmCreated(
        UUID filmId,
        String title,
        String description,
        LocalDate creationDate,
        Double rating,
        FilmType type,
        List<UUID> genreIds,
        List<Credit> credits) {}
