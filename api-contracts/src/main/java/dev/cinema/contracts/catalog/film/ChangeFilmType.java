package dev.cinema.contracts.catalog.film;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeFilmType(
        @TargetAggregateIdentifier UUID filmId, FilmType type, @TargetAggregateVersion Long expectedVersion) {}
