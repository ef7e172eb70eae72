package dev.cinema.contracts.catalog.film;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeFilmDescription(
        @TargetAggregateIdentifier UUID filmId, String description, @TargetAggregateVersion Long expectedVersion) {}
