package dev.cinema.contracts.catalog.genre;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Refused while films still carry the genre (the refusal lists them). */
public record DeleteGenre(@TargetAggregateIdentifier UUID genreId, @TargetAggregateVersion Long expectedVersion) {}
