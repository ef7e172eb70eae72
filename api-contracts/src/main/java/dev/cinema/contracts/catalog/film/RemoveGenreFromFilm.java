package dev.cinema.contracts.catalog.film;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveGenreFromFilm(
        @TargetAggregateIdentifier UUID filmId, UUID genreId, @TargetAggregateVersion Long expectedVersion) {}
