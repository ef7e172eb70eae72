package dev.cinema.contracts.catalog.genre;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A null description clears it. */
public record ChangeGenreDescription(
        @TargetAggregateIdentifier UUID genreId, String description, @TargetAggregateVersion Long expectedVersion) {}
