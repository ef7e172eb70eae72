package dev.cinema.contracts.catalog.film;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveCredit(
        @TargetAggregateIdentifier UUID filmId, UUID personId, CreditRole role, @TargetAggregateVersion Long expectedVersion) {}
