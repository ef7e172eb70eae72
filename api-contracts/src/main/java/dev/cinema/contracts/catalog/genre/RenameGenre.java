package dev.cinema.contracts.catalog.genre;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RenameGenre(
        @TargetAggregateIdentifier UUID genreId, String name, @TargetAggregateVersion Long expectedVersion) {}
