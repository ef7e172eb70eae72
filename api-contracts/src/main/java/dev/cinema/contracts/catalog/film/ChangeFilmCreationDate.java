package dev.cinema.contracts.catalog.film;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeFilmCreationDate(
        @TargetAggregateIdentifier UUID filmId, LocalDate creationDate, @TargetAggregateVersion Long expectedVersion) {}
