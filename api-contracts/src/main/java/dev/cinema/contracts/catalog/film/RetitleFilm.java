package dev.cinema.contracts.catalog.film;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetitleFilm(
        @TargetAggregateIdentifier UUID filmId, String title, @TargetAggregateVersion Long expectedVersion) {}
